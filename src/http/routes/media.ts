// GET /media/clips/<clip id>/<file>: a clip's renditions, poster and thumbnails, with range requests
// (players seek without downloading everything). Sources and half-written outputs are not served.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from '../deps.js';

// Captions (captions-vi.vtt) and the Telegram video with them burned in (720p-captions-vi.mp4) too.
const SERVED = /^\/[0-9a-f-]{36}\/(?:\d+p\.mp4|\d+p-captions-(?:vi|en)\.mp4|captions-(?:vi|en)\.vtt|poster\.jpg|thumb-\d+\.jpg)$/;

export const mediaRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const root = resolve(deps.config.MEDIA_DIR, 'clips');
    mkdirSync(root, { recursive: true });
    // Public videos and pictures: other sites and feed readers may embed them.
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cross-origin-resource-policy', 'cross-origin');
    });
    await app.register(fastifyStatic, {
      root,
      prefix: '/media/clips/',
      decorateReply: false,
      index: false,
      acceptRanges: true,
      allowedPath: (pathName) => SERVED.test(pathName),
      // Outputs never change once in place (a reprocessed clip gets new files under the same names, rarely).
      maxAge: '1h',
      setHeaders: (response, path) => {
        if (!path.endsWith('.vtt')) return;
        response.header('content-type', 'text/vtt; charset=utf-8');
        // Captions are replaced under the same name: players ask again (a 304 when unchanged).
        response.header('cache-control', 'no-cache');
      },
    });
  };
