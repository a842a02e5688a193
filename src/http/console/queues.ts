// bull-board under /console/queues, for admins signed in to the console. Its own page's script cannot send
// our CSRF token, so its unsafe calls are held to the same origin instead (Origin / Sec-Fetch-Site headers),
// on top of the SameSite session cookie.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type HTTPMethods } from 'fastify';
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
    // bull-board and what it brings (~6 MB of heap) are loaded with the first visit (issue 20): it runs in a
    // Fastify app of its own, built then, since this one takes no routes once it listens; each request here is
    // handed to it, after the console's own checks.
    let board: Promise<FastifyInstance> | undefined;
    const forward = async (request: FastifyRequest, reply: FastifyReply) => {
      board ??= createBoard(deps).catch((error: unknown) => {
        board = undefined;
        throw error;
      });
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !PER_HOP.has(name)));
      const response = await (await board).inject({ method: request.method as HTTPMethods, url: request.url, headers, payload: request.body ?? undefined });
      for (const [name, value] of Object.entries(response.headers)) if (value !== undefined && !PER_HOP.has(name)) reply.header(name, value);
      return reply.code(response.statusCode).send(response.rawPayload);
    };
    app.addHook('preHandler', async (request, reply) => {
      if (!['GET', 'HEAD'].includes(request.method) && !sameOrigin(request))
        return reply.code(403).send({ error: 'csrf', message: 'Queue actions only from the console page itself.' });
    });
    // bull-board's page runs inline scripts; it is admins-only and same-origin, so it goes without our CSP.
    app.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('content-security-policy');
    });
    app.all(QUEUES_PATH, forward);
    app.all(`${QUEUES_PATH}/*`, forward);
  };

// Headers each side of the hand-over sets for itself: the connection's, the body's length (a parsed JSON body is
// sent on re-serialised), the date.
const PER_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

async function createBoard(deps: AppDeps): Promise<FastifyInstance> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: [deps.queues.clipProcessing, deps.queues.publishing, deps.queues.notifications, deps.queues.maintenance].map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'LangNghe' } },
  });
  const board = Fastify();
  await board.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
  await board.ready();
  return board;
}
