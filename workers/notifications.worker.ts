// Thin entry: parse the job contract → notifyStageChange; failed sends retry with backoff.
import { Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import { notifyStageChange, type NotifyDeps } from '../src/services/artisans/notify.js';

export function createNotificationsWorker(deps: NotifyDeps, options: { connection: ConnectionOptions; prefix: string }): Worker<JobOf<'notifications'>> {
  return new Worker<JobOf<'notifications'>>(
    'notifications',
    async (job) => notifyStageChange(deps, parseJob('notifications', job.data).eventId),
    { connection: options.connection, prefix: options.prefix, concurrency: 4 },
  );
}
