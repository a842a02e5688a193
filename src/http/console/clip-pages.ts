// The clips: upload (tus, from the page's script), the live list (server-sent events from /api/clips/events)
// and each clip with a player per rendition; "retry" for a failed one.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { getClip, listClips, type ClipViewDeps } from '../../services/clips/get-clip.js';
import { retryClip } from '../../services/clips/retry-clip.js';
import { updateClip } from '../../services/clips/update-clip.js';
import { deleteClip } from '../../services/clips/delete-clip.js';
import { clipChanges } from '../routes/clips.js';
import { flash } from './render.js';
import { refusal } from './back.js';
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
    return render(request, reply, 'clip', { title: clip.title, clip, village, villages: await listVillages(deps.prisma) });
  });

  app.post('/console/clips/:id/edit', async (request, reply) => {
    const { id } = clipParams.parse(request.params);
    const { title, village, description, tags } = (request.body ?? {}) as Record<string, string | undefined>;
    return formAction(request, reply, `/console/clips/${id}`, 'console-clip-saved', () =>
      updateClip({ prisma: deps.prisma, announce }, id, clipChanges.parse({ title, village, description, tags })),
    );
  });

  // Back to the list once it is gone; a refusal (published, not confirmed) stays on the clip's page.
  app.post('/console/clips/:id/delete', async (request, reply) => {
    const { id } = clipParams.parse(request.params);
    const { confirm } = (request.body ?? {}) as { confirm?: string };
    try {
      await deleteClip({ ...deps, mediaDir: deps.config.MEDIA_DIR }, id, { confirmPublished: confirm === 'true' });
      flash(reply, 'ok', 'console-clip-deleted');
      return reply.redirect('/console/clips', 303);
    } catch (error) {
      flash(reply, 'error', refusal(error));
      return reply.redirect(`/console/clips/${id}`, 303);
    }
  });

  app.post('/console/clips/:id/retry', async (request, reply) => {
    const { id } = clipParams.parse(request.params);
    return formAction(request, reply, `/console/clips/${id}`, 'console-clip-retried', () => retryClip({ prisma: deps.prisma, queues: deps.queues, announce }, id));
  });
};
