// Security headers (helmet's set) on every answer a browser may read, and rate limits (@fastify/rate-limit) counted in
// Redis so that every server process shares them: the public endpoints get RATE_LIMIT_PER_MINUTE per
// client address (0 turns it off, for load tests); routes may set their own (the console's sign-in).
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

export async function registerSecurity(
  app: FastifyInstance,
  options: { https: boolean; redis: Redis; keyPrefix: string; publicPerMinute: number; imageSources?: string[] },
): Promise<onRequestHookHandler | undefined> {
  // helmet's default headers, with our CSP, computed once: @fastify/helmet builds them on every request,
  // which cost a third of /api/ask's throughput (1,465 against 2,302 requests/s, bench:ask).
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // The KPI chart sets its bars' widths, and Leaflet the map's positions, in style attributes.
      "style-src 'self' 'unsafe-inline'",
      // The map's tiles come from MAP_TILE_URL's server.
      ["img-src 'self' data:", ...(options.imageSources ?? [])].join(' '),
      "media-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(options.https ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    // HSTS only means something, and is only safe to promise, over HTTPS.
    ...(options.https ? { 'strict-transport-security': 'max-age=15552000; includeSubDomains' } : {}),
  };
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
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
