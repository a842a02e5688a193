// Thin entry: parse the job contract → publish → a job that fires early (its publication was moved
// later) goes back to sleep until the new time; API failures retry with backoff, then fail the
// publication with its reason.
import { DelayedError, Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import type { Logger } from '../src/logger.js';
import type { PublishingService } from '../src/services/publishing/publishing-service.js';

export interface PublishingWorkerDeps {
  publishing: Pick<PublishingService, 'publish' | 'publishAtOf' | 'markFailed'>;
  logger: Logger;
}

export function createPublishingWorker(
  deps: PublishingWorkerDeps,
  options: { connection: ConnectionOptions; prefix: string; concurrency?: number; lockSeconds: number },
): Worker<JobOf<'publishing'>> {
  const worker = new Worker<JobOf<'publishing'>>(
    'publishing',
    async (job, token) => {
      const { publicationId } = parseJob('publishing', job.data);
      const outcome = await deps.publishing.publish(publicationId);
      if (outcome === 'not_due') {
        await job.moveToDelayed((await deps.publishing.publishAtOf(publicationId)).getTime(), token);
        throw new DelayedError();
      }
      return outcome;
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      // A few at once: one slow upload does not hold up the posts due after it.
      concurrency: options.concurrency ?? 4,
      lockDuration: options.lockSeconds * 1000,
      stalledInterval: options.lockSeconds * 1000,
      // The lease in PostgreSQL, not BullMQ's lock, guards against a second send: a stalled job may retry.
      maxStalledCount: 20,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job || error instanceof DelayedError) return;
    deps.logger.warn({ publicationId: job.data.publicationId, attempt: job.attemptsMade, err: error }, 'publication attempt failed');
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) void deps.publishing.markFailed(job.data.publicationId, error.message);
  });
  return worker;
}
