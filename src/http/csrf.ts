// Cookies, HTML forms and CSRF protection (@fastify/csrf-protection, a double-submit token whose secret
// lives in an httpOnly SameSite cookie). Every unsafe request that could ride on the console's cookie —
// any form under /console and any API call that carries the session cookie instead of a Bearer token —
// must bring the token, as a `_csrf` form field or an `X-CSRF-Token` header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import { SESSION_COOKIE } from './staff-auth.js';
import { QUEUES_PATH } from './console/queues.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const needsCsrf = (request: FastifyRequest) =>
  !SAFE.has(request.method) &&
  // bull-board's own page checks the origin instead (console/queues.ts).
  !request.url.startsWith(`${QUEUES_PATH}/`) &&
  !request.headers.authorization &&
  (request.url.startsWith('/console/') || request.cookies[SESSION_COOKIE] !== undefined);

export async function registerCsrf(app: FastifyInstance, options: { secure: boolean }) {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(csrf, {
    cookieKey: 'lns_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: options.secure },
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf ?? (request.headers['x-csrf-token'] as string | undefined),
  });
  app.addHook('preHandler', (request, reply, done) => (needsCsrf(request) ? app.csrfProtection(request, reply, done) : done()));
}
