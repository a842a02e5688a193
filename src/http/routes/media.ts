// GET /media/clips/<clip id>/<file>: a clip's renditions, poster and thumbnails, with range requests
// (players seek without downloading everything). Sources and half-written outputs are not served.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from '../deps.js';

const SERVED = /^\/[0-9a-f-]{36}\/(?:\d+p\.mp4|poster\.jpg|thumb-\d+\.jpg)$/;

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
    });
  };
