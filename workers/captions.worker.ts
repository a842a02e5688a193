// Thin entry: parse the job contract → the captions service's burn; ffmpeg failures retry with backoff.
import { Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import type { Logger } from '../src/logger.js';
import type { CaptionsService } from '../src/services/captions/captions-service.js';

export function createCaptionsWorker(
  deps: { captions: Pick<CaptionsService, 'burn'>; logger: Logger },
  options: { connection: ConnectionOptions; prefix: string; lockSeconds: number },
): Worker<JobOf<'captions'>> {
  const worker = new Worker<JobOf<'captions'>>('captions', async (job) => deps.captions.burn(parseJob('captions', job.data).clipId), {
    connection: options.connection,
    prefix: options.prefix,
    // One ffmpeg at a time per worker process, beside the clips being processed.
    concurrency: 1,
    lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000,
    maxStalledCount: 20,
  });
  worker.on('failed', (job, error) => {
    if (job) deps.logger.warn({ clipId: job.data.clipId, attempt: job.attemptsMade, err: error }, 'burning captions failed');
  });
  return worker;
}
