// Thin entry: parse the job contract → the clip service's process → map errors to the retry policy: a bad
// file fails at once (UnrecoverableError) with its reason; anything else retries with backoff, then fails the clip.
import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import type { Logger } from '../src/logger.js';
import type { ClipService } from '../src/services/clips/clip-service.js';
import { ClipRejectedError } from '../src/services/clips/clip-errors.js';

export function createClipProcessingWorker(
  deps: { clips: Pick<ClipService, 'process' | 'fail'>; logger: Logger },
  options: { connection: ConnectionOptions; prefix: string; concurrency: number; lockSeconds: number },
): Worker<JobOf<'clip-processing'>> {
  const worker = new Worker<JobOf<'clip-processing'>>(
    'clip-processing',
    async (job) => {
      const { clipId, facts } = parseJob('clip-processing', job.data);
      try {
        await deps.clips.process(clipId, (percent) => job.updateProgress(percent), facts);
      } catch (error) {
        // Bad input, already recorded as rejected: retrying cannot help.
        if (error instanceof ClipRejectedError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // A worker that dies loses its lock after this long; another then takes the job over.
      lockDuration: options.lockSeconds * 1000,
      stalledInterval: options.lockSeconds * 1000,
      // A killed worker is not the clip's fault: its job is taken over, many times over if need be.
      maxStalledCount: 20,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    deps.logger.warn({ clipId: job.data.clipId, attempt: job.attemptsMade, err: error }, 'clip processing failed');
    const final = !(error instanceof UnrecoverableError) && job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) void deps.clips.fail(job.data.clipId, error);
  });
  return worker;
}
