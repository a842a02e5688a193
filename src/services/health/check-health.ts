// Whether PostgreSQL, Redis and ffmpeg all answer, each within its time; what is down is named.
import type { HealthRepository } from '../../data/health-repository.js';

export interface HealthDeps {
  database: HealthRepository;
  redis: { ping(): Promise<unknown> };
  ffmpegVersion: () => Promise<string>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]);

export async function checkHealth(deps: HealthDeps) {
  const [db, redis, ffmpeg] = await Promise.allSettled([
    withTimeout(deps.database.ping(), 2000),
    withTimeout(deps.redis.ping(), 2000),
    withTimeout(deps.ffmpegVersion(), 5000),
  ]);
  const down = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' ? `down: ${(result.reason as Error)?.message ?? 'unknown error'}` : null;
  return {
    healthy: db.status === 'fulfilled' && redis.status === 'fulfilled' && ffmpeg.status === 'fulfilled',
    report: {
      db: down(db) ?? 'ok',
      redis: down(redis) ?? 'ok',
      ffmpeg: ffmpeg.status === 'fulfilled' ? ffmpeg.value : down(ffmpeg)!,
    },
  };
}
