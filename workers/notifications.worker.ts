// Thin entry: parse the job contract → the artisans service's notifyStageChange; failed sends retry with backoff.
import { Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import type { ArtisansService } from '../src/services/artisans/artisans-service.js';

export function createNotificationsWorker(
  artisans: Pick<ArtisansService, 'notifyStageChange'>,
  options: { connection: ConnectionOptions; prefix: string },
): Worker<JobOf<'notifications'>> {
  return new Worker<JobOf<'notifications'>>('notifications', async (job) => artisans.notifyStageChange(parseJob('notifications', job.data).eventId), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: 4,
  });
}
