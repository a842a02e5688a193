// GET /healthz: 200 when PostgreSQL, Redis and ffmpeg all answer; 503 naming what is down.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]);

export const healthRoutes = (deps: AppDeps): FastifyPluginAsync => async (app) => {
  app.get('/healthz', async (_request, reply) => {
    const [db, redis, ffmpeg] = await Promise.allSettled([
      withTimeout(deps.prisma.$queryRaw`SELECT 1`, 2000),
      withTimeout(deps.redis.ping(), 2000),
      withTimeout(deps.ffmpegVersion(), 5000),
    ]);
    const down = (result: PromiseSettledResult<unknown>) =>
      result.status === 'rejected' ? `down: ${(result.reason as Error)?.message ?? 'unknown error'}` : null;
    const body = {
      db: down(db) ?? 'ok',
      redis: down(redis) ?? 'ok',
      ffmpeg: ffmpeg.status === 'fulfilled' ? ffmpeg.value : down(ffmpeg)!,
    };
    const healthy = db.status === 'fulfilled' && redis.status === 'fulfilled' && ffmpeg.status === 'fulfilled';
    return reply.code(healthy ? 200 : 503).send(body);
  });
};
