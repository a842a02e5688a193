// createServer(deps): the HTTP API, the chat webhooks and health, with one error mapping at the edge.
import { httpStatusOf } from './error-status.js';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import { ZodError } from 'zod';
import { AppError, isNulText, isUnavailable } from '../errors.js';
import type { AppDeps } from './deps.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes, timeResponses } from './routes/metrics.js';
import { askRoutes } from './routes/ask.js';
import { handbookRoutes } from './routes/handbook.js';
import { clipRoutes } from './routes/clips.js';
import { captionRoutes } from './routes/captions.js';
import { uploadRoutes } from './routes/uploads.js';
import { mediaRoutes } from './routes/media.js';
import { publicationRoutes } from './routes/publications.js';
import { learnedPhrasingRoutes } from './routes/learned-phrasings.js';
import { pageRoutes } from './routes/pages.js';
import { villagePages } from './routes/village-pages.js';
import { COMPRESSION, notFoundPages, sitePages } from './routes/site-pages.js';
import { mapPageRoutes } from './routes/map-page.js';
import { mapAssetRoutes } from './routes/map-assets.js';
import { tileSourceForCsp } from './map-settings.js';
import { routePages } from './routes/route-pages.js';
import { productPages } from './routes/product-pages.js';
import { chatRoutes } from './routes/chat.js';
import { artisanRoutes } from './routes/artisans.js';
import { insightsRoutes } from './routes/insights.js';
import { telegramRoutes } from './routes/telegram.js';
import { zaloRoutes } from './routes/zalo.js';
import { consoleRoutes } from './console/index.js';
import { registerCsrf } from './csrf.js';
import { secureCookiesFor } from './staff-auth.js';
import { registerSecurity } from './security.js';

export async function createServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Request lines would repeat every webhook call; errors are logged by the handler below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) return reply.code(httpStatusOf[error.code]).send({ error: error.code, message: error.message });
    if ((error as { code?: string }).code?.startsWith('FST_CSRF_')) {
      return reply
        .code(403)
        .send({ error: 'csrf', message: 'A request made with the console session needs its CSRF token (X-CSRF-Token): reload the console and try again.' });
    }
    if (error instanceof ZodError) {
      const message = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return reply.code(400).send({ error: 'bad_request', message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429) return reply.code(429).send({ error: 'rate_limited', message: (error as Error).message });
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'bad_request', message: (error as Error).message });
    }
    if (isNulText(error)) return reply.code(400).send({ error: 'bad_request', message: 'Text may not contain NUL characters.' });
    if (isUnavailable(error)) {
      request.log.warn({ err: error, url: request.url }, 'request refused: a service is down');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: 'unavailable', message: 'A service LangNghe needs is not answering; try again in a few seconds.' });
    }
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on our side.' });
  });

  // Every response timed under its route pattern; added first so that every route below inherits it.
  app.addHook('onResponse', timeResponses(deps.metrics));
  await app.register(multipart, { limits: { fileSize: deps.config.MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  // Machine-to-machine: health checks and the chat platforms' webhooks (each authenticated by its own
  // secret or signature) need no cookies, CSRF, browser headers or per-address limits, and are the hot path.
  await app.register(healthRoutes(deps));
  await app.register(metricsRoutes(deps));
  await app.register(telegramRoutes(deps));
  await app.register(zaloRoutes(deps));
  // What browsers and scripts use: security headers, cookies, CSRF, rate limits.
  await app.register(async (web) => {
    const https = secureCookiesFor(deps.config.PUBLIC_URL);
    const publicLimit = await registerSecurity(web, {
      https,
      redis: deps.quickRedis,
      keyPrefix: deps.config.QUEUE_PREFIX,
      publicPerMinute: deps.config.RATE_LIMIT_PER_MINUTE,
      imageSources: [tileSourceForCsp(deps.config.MAP_TILE_URL)].filter((source): source is string => source !== undefined),
    });
    await registerCsrf(web, { secure: https });
    // The public endpoints, each client address limited to RATE_LIMIT_PER_MINUTE.
    await web.register(async (open) => {
      if (publicLimit) open.addHook('onRequest', publicLimit);
      // Pages, the handbook's JSON and the GeoJSON compressed; not the webhooks, health or media.
      await open.register(compress, COMPRESSION);
      await open.register(askRoutes(deps));
      await open.register(handbookRoutes(deps));
      await open.register(pageRoutes(deps));
      await open.register(villagePages(deps));
      await open.register(sitePages(deps));
      await open.register(mapPageRoutes(deps));
      await open.register(routePages(deps));
      await open.register(productPages(deps));
      await open.register(chatRoutes(deps));
    });
    await web.register(clipRoutes(deps));
    await web.register(captionRoutes(deps));
    await web.register(uploadRoutes(deps));
    await web.register(mediaRoutes(deps));
    // The map's scripts and pictures: versioned files, not counted against the public rate limit.
    await web.register(mapAssetRoutes());
    await web.register(publicationRoutes(deps));
    await web.register(learnedPhrasingRoutes(deps));
    await web.register(artisanRoutes(deps));
    await web.register(insightsRoutes(deps));
    await web.register(consoleRoutes(deps));
    // Any other address: the 404 page in the visitor's language (JSON under /api/).
    await web.register(notFoundPages(deps));
  });
  return app;
}
