// GET /metrics: Prometheus' text format, for a scraper (machine-to-machine: no cookies or CSRF); with
// METRICS_TOKEN set, only for `Authorization: Bearer <token>`. And the hook that times every response.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics } from '../../observability/metrics.js';
import type { AppDeps } from '../deps.js';

// Hashed first so that the comparison takes the same time whatever the length of what was sent.
const digest = (text: string) => createHash('sha256').update(text).digest();

export const metricsRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const token = deps.config.METRICS_TOKEN;
    const expected = token ? digest(`Bearer ${token}`) : undefined;
    app.get('/metrics', async (request, reply) => {
      if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .send({ error: 'unauthorized', message: 'GET /metrics needs the METRICS_TOKEN as "Authorization: Bearer <token>".' });
      }
      const body = await deps.metrics.registry.metrics();
      return reply.type(deps.metrics.registry.contentType).header('cache-control', 'no-store').send(body);
    });
  };

/** onResponse: the request's duration under its route pattern (/villages/:id), 'unmatched' for a 404. */
export const timeResponses = (metrics: Pick<Metrics, 'httpResponse'>) => async (request: FastifyRequest, reply: FastifyReply) => {
  metrics.httpResponse(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
};
