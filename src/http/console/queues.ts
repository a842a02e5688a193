// bull-board under /console/queues, for admins signed in to the console. Its own page's script cannot send
// our CSRF token, so its unsafe calls are held to the same origin instead (Origin / Sec-Fetch-Site headers),
// on top of the SameSite session cookie.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { AppDeps } from '../deps.js';

export const QUEUES_PATH = '/console/queues';

export function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export const consoleQueues =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUES_PATH);
    createBullBoard({
      queues: [deps.queues.clipProcessing, deps.queues.publishing, deps.queues.notifications, deps.queues.maintenance].map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'LangNghe' } },
    });
    app.addHook('preHandler', async (request, reply) => {
      if (!['GET', 'HEAD'].includes(request.method) && !sameOrigin(request))
        return reply.code(403).send({ error: 'csrf', message: 'Queue actions only from the console page itself.' });
    });
    // bull-board's page runs inline scripts; it is admins-only and same-origin, so it goes without our CSP.
    app.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('content-security-policy');
    });
    await app.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
  };
