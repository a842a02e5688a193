// GET /healthz: 200 when PostgreSQL, Redis and ffmpeg all answer; 503 naming what is down.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/healthz', async (_request, reply) => {
      const { healthy, report } = await deps.services.health.check();
      return reply.code(healthy ? 200 : 503).send(report);
    });
  };
