// createServer(deps): the HTTP API, the chat webhooks and health, with one error mapping at the edge.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import type { AppDeps } from './deps.js';
import { healthRoutes } from './routes/health.js';
import { askRoutes } from './routes/ask.js';
import { handbookRoutes } from './routes/handbook.js';
import { clipRoutes } from './routes/clips.js';
import { uploadRoutes } from './routes/uploads.js';
import { mediaRoutes } from './routes/media.js';
import { publicationRoutes } from './routes/publications.js';
import { pageRoutes } from './routes/pages.js';
import { artisanRoutes } from './routes/artisans.js';
import { telegramRoutes } from './routes/telegram.js';
import { zaloRoutes } from './routes/zalo.js';
import { consoleRoutes } from './console/index.js';
import { registerCsrf } from './csrf.js';
import { secureCookiesFor } from './staff-auth.js';

export async function createServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Request lines would repeat every webhook call; errors are logged by the handler below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send({ error: error.code, message: error.message });
    if ((error as { code?: string }).code?.startsWith('FST_CSRF_')) {
      return reply.code(403).send({ error: 'csrf', message: 'A request made with the console session needs its CSRF token (X-CSRF-Token): reload the console and try again.' });
    }
    if (error instanceof ZodError) {
      const message = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return reply.code(400).send({ error: 'bad_request', message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'bad_request', message: (error as Error).message });
    }
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on our side.' });
  });

  await registerCsrf(app, { secure: secureCookiesFor(deps.config.PUBLIC_URL) });
  await app.register(multipart, { limits: { fileSize: deps.config.MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(healthRoutes(deps));
  await app.register(askRoutes(deps));
  await app.register(handbookRoutes(deps));
  await app.register(clipRoutes(deps));
  await app.register(uploadRoutes(deps));
  await app.register(mediaRoutes(deps));
  await app.register(publicationRoutes(deps));
  await app.register(pageRoutes(deps));
  await app.register(artisanRoutes(deps));
  await app.register(telegramRoutes(deps));
  await app.register(zaloRoutes(deps));
  await app.register(consoleRoutes(deps));
  return app;
}
