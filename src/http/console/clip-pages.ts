// The clips: upload (tus, from the page's script), the live list (server-sent events from /api/clips/events)
// and each clip with a player per rendition; "retry" for a failed one.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { clipChanges } from '../routes/clips.js';
import { CAPTION_LANGS } from '../../domain/captions/parse-captions.js';
import { flash } from './render.js';
import { refusal } from './back.js';
import { formAction } from './back.js';
import type { Render } from './render.js';

const clipParams = z.object({ id: z.uuid() });
const captionParams = z.object({ id: z.uuid(), lang: z.enum(CAPTION_LANGS) });
// Same-origin media URLs: the console shows what this server serves.
const sameOrigin = { relativeUrls: true };

export const consoleClipPages =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    const { clips, handbook } = deps.services;

    app.get('/console', async (_request, reply) => reply.redirect('/console/clips', 303));

    app.get('/console/clips', async (request, reply) => {
      const [list, villages] = await Promise.all([clips.list(sameOrigin), handbook.listVillages()]);
      return render(request, reply, 'clips', { title: 'console-clips', clips: list, villages, maxBytes: deps.config.MAX_UPLOAD_BYTES });
    });

    app.get('/console/clips/:id', async (request, reply) => {
      const parsed = clipParams.safeParse(request.params);
      const clip = parsed.success ? await clips.get(parsed.data.id, sameOrigin).catch(() => null) : null;
      if (!clip) return render(request, reply.code(404), 'error', { title: '404', message: 'console-not-found' });
      const villages = await handbook.listVillages();
      const named = clip.village ? villages.find((v) => v.id === clip.village) : undefined;
      const village = named ? { nameVi: named.name.vi, nameEn: named.name.en } : null;
      return render(request, reply, 'clip', { title: clip.title, clip, village, villages });
    });

    app.post('/console/clips/:id/edit', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      const { title, village, description, tags } = (request.body ?? {}) as Record<string, string | undefined>;
      return formAction(request, reply, `/console/clips/${id}`, 'console-clip-saved', () =>
        clips.update(id, clipChanges.parse({ title, village, description, tags })),
      );
    });

    // Back to the list once it is gone; a refusal (published, not confirmed) stays on the clip's page.
    app.post('/console/clips/:id/delete', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      const { confirm } = (request.body ?? {}) as { confirm?: string };
      try {
        await clips.delete(id, { confirmPublished: confirm === 'true' });
        flash(reply, 'ok', 'console-clip-deleted');
        return reply.redirect('/console/clips', 303);
      } catch (error) {
        flash(reply, 'error', refusal(error));
        return reply.redirect(`/console/clips/${id}`, 303);
      }
    });

    // Captions: the upload goes from the page's script to the JSON API (PUT with the file as it is); delete
    // and the burned-in choice are plain forms.
    app.post('/console/clips/:id/captions/:lang/delete', async (request, reply) => {
      const { id, lang } = captionParams.parse(request.params);
      return formAction(request, reply, `/console/clips/${id}`, 'console-captions-deleted', () => deps.services.captions.delete(id, lang));
    });

    app.post('/console/clips/:id/burn-captions', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      const { burnCaptions } = (request.body ?? {}) as { burnCaptions?: string };
      return formAction(request, reply, `/console/clips/${id}`, 'console-captions-burn-saved', () =>
        clips.update(id, clipChanges.parse({ burnCaptions: burnCaptions ? burnCaptions : null })),
      );
    });

    app.post('/console/clips/:id/retry', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      return formAction(request, reply, `/console/clips/${id}`, 'console-clip-retried', () => clips.retry(id));
    });
  };
