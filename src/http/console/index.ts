// The staff console at /console: server-rendered pages (Eta) with a little script for uploads (tus-js-client)
// and live updates, served by this server. Sign-in, forms and roles are here; the page's scripts call the
// same JSON API as scripts do, with the session cookie and a CSRF token.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { ZodError } from 'zod';
import { isUnavailable } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { createRenderer } from './render.js';
import { requireConsole } from './guard.js';
import { consoleAuthRoutes } from './auth-routes.js';
import { consoleClipPages } from './clip-pages.js';
import { consoleCalendarPages } from './calendar-pages.js';
import { consoleArtisanPages } from './artisan-pages.js';
import { consoleHandbookPages } from './handbook-pages.js';
import { consoleInsightsPages } from './insights-pages.js';
import { consoleStaffPages } from './staff-pages.js';
import { consoleQueues } from './queues.js';

const require = createRequire(import.meta.url);
const asset = (name: string) => fileURLToPath(new URL(`./assets/${name}`, import.meta.url));
// Read once at start: a handful of small files.
const ASSETS: Record<string, { type: string; body: Buffer }> = {
  'console.css': { type: 'text/css; charset=utf-8', body: readFileSync(asset('console.css')) },
  'console.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(asset('console.js')) },
  'tus.min.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(require.resolve('tus-js-client/dist/tus.min.js')) },
};

export const consoleRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const render = createRenderer(deps.messages);

    app.setErrorHandler((error, request, reply) => {
      const { code, statusCode } = error as { code?: string; statusCode?: number };
      if (code?.startsWith('FST_CSRF_')) return render(request, reply.code(403), 'error', { title: '403', message: 'console-csrf' });
      if (statusCode === 429) return render(request, reply.code(429), 'login', { title: 'console-sign-in', next: '/console', error: 'console-too-many' });
      if (isUnavailable(error)) return render(request, reply.code(503).header('retry-after', '5'), 'error', { title: '503', message: 'console-unavailable' });
      if (error instanceof ZodError) return render(request, reply.code(400), 'error', { title: '400', message: error.issues.map((i) => i.message).join('; ') });
      request.log.error({ err: error, url: request.url }, 'console request failed');
      return render(request, reply.code(500), 'error', { title: '500', message: 'console-internal' });
    });

    app.get('/console/assets/:name', async (request, reply) => {
      const file = ASSETS[(request.params as { name: string }).name];
      if (!file) return reply.code(404).send({ error: 'not_found', message: 'asset not found' });
      return reply.type(file.type).header('cache-control', 'public, max-age=300').send(file.body);
    });

    await app.register(consoleAuthRoutes(deps, render));
    await app.register(async (editors) => {
      editors.addHook('preHandler', requireConsole(deps.services.staff, render, 'editor'));
      await editors.register(consoleClipPages(deps, render));
      await editors.register(consoleCalendarPages(deps, render));
      await editors.register(consoleHandbookPages(deps, render));
      await editors.register(consoleInsightsPages(deps, render));
    });
    await app.register(async (admins) => {
      admins.addHook('preHandler', requireConsole(deps.services.staff, render, 'admin'));
      await admins.register(consoleArtisanPages(deps, render));
      await admins.register(consoleStaffPages(deps, render));
      await admins.register(consoleQueues(deps));
    });
  };
