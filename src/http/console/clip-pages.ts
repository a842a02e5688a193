// The clips: upload (tus, from the page's script), the live list (server-sent events from /api/clips/events)
// and each clip with a player per rendition; "retry" for a failed one.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { getClip, listClips, type ClipViewDeps } from '../../services/clips/get-clip.js';
import { retryClip } from '../../services/clips/retry-clip.js';
import { createClipAnnouncer } from '../../services/clips/clip-events.js';
import { listVillages } from '../../services/handbook/handbook-queries.js';
import { formAction } from './back.js';
import type { Render } from './render.js';

const clipParams = z.object({ id: z.uuid() });

export const consoleClipPages = (deps: AppDeps, render: Render): FastifyPluginAsync => async (app) => {
  // Same-origin media URLs: the console shows what this server serves.
  const viewDeps: ClipViewDeps = { prisma: deps.prisma, messages: deps.messages, queues: deps.queues };
  const announce = createClipAnnouncer(deps.quickRedis, deps.config.QUEUE_PREFIX);

  app.get('/console', async (_request, reply) => reply.redirect('/console/clips', 303));

  app.get('/console/clips', async (request, reply) => {
    const [clips, villages] = await Promise.all([listClips(viewDeps), listVillages(deps.prisma)]);
    return render(request, reply, 'clips', { title: 'console-clips', clips, villages, maxBytes: deps.config.MAX_UPLOAD_BYTES });
  });

  app.get('/console/clips/:id', async (request, reply) => {
    const parsed = clipParams.safeParse(request.params);
    const clip = parsed.success ? await getClip(viewDeps, parsed.data.id).catch(() => null) : null;
    if (!clip) return render(request, reply.code(404), 'error', { title: '404', message: 'console-not-found' });
    const village = clip.village ? await deps.prisma.village.findUnique({ where: { id: clip.village }, select: { nameVi: true, nameEn: true } }) : null;
    return render(request, reply, 'clip', { title: clip.title, clip, village });
  });

  app.post('/console/clips/:id/retry', async (request, reply) => {
    const { id } = clipParams.parse(request.params);
    return formAction(request, reply, `/console/clips/${id}`, 'console-clip-retried', () => retryClip({ prisma: deps.prisma, queues: deps.queues, announce }, id));
  });
};
