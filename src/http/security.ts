// Security headers (@fastify/helmet) on every answer, and rate limits (@fastify/rate-limit) counted in
// Redis so that every server process shares them: the public endpoints get RATE_LIMIT_PER_MINUTE per
// client address (0 turns it off, for load tests); routes may set their own (the console's sign-in).
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

export async function registerSecurity(app: FastifyInstance, options: { https: boolean; redis: Redis; keyPrefix: string; publicPerMinute: number }): Promise<onRequestHookHandler | undefined> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The KPI chart sets its bars' widths in style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only means something, and is only safe to promise, over HTTPS.
    hsts: options.https ? { maxAge: 180 * 24 * 3600 } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    redis: options.redis,
    nameSpace: `${options.keyPrefix}:rate:`,
    // Redis away: serve rather than refuse everyone.
    skipOnError: true,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, error: 'rate_limited', message: `Too many requests; try again in ${context.after}.` }),
  });
  return options.publicPerMinute > 0 ? app.rateLimit({ max: options.publicPerMinute, timeWindow: 60_000 }) : undefined;
}
