// Thin entry: parse the job contract → publishPublication → retry while the clip is not ready or the API fails.
import { Worker, type ConnectionOptions } from 'bullmq';
import { jobContracts, type JobOf } from '../src/jobs/queues.js';
import { markPublicationFailed, publishPublication, type VideoPublisher } from '../src/services/clips/publish-publication.js';
import type { ClipDeps } from '../src/services/clips/deps.js';

export function createPublishingWorker(
  deps: ClipDeps & { publisher: VideoPublisher },
  options: { connection: ConnectionOptions; prefix: string },
): Worker<JobOf<'publishing'>> {
  const worker = new Worker<JobOf<'publishing'>>(
    'publishing',
    async (job) => {
      const { publicationId } = jobContracts.publishing.parse(job.data);
      return publishPublication(deps, publicationId);
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 4 },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    deps.logger.warn({ publicationId: job.data.publicationId, attempt: job.attemptsMade, err: error }, 'publication attempt failed');
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) void markPublicationFailed(deps, job.data.publicationId, error.message);
  });
  return worker;
}
