// The queue is an alarm clock set from PostgreSQL: one job per publication (its id is fixed), due at the
// publication's time. This makes the queue agree with a row, whatever happened to Redis meanwhile.
import { jobIdFor, type Queues } from '../../jobs/queues.js';

export type JobSync = 'added' | 'moved' | 'kept' | 'dropped' | 'none';

const addJob = (queues: Queues, publicationId: string, publishAt: Date) =>
  queues.publishing.add('publish', { publicationId }, { jobId: jobIdFor.publishing({ publicationId }), delay: Math.max(0, publishAt.getTime() - Date.now()) });

export async function syncPublicationJob(queues: Queues, publication: { id: string; state: string; publishAt: Date }): Promise<JobSync> {
  const job = await queues.publishing.getJob(jobIdFor.publishing({ publicationId: publication.id }));
  if (publication.state !== 'scheduled') {
    // Cancelled, sent or failed: a job left behind would only find nothing to do, but it goes.
    if (!job || (await job.isActive())) return 'none';
    await job.remove().catch(() => {});
    return 'dropped';
  }
  if (!job) {
    await addJob(queues, publication.id, publication.publishAt);
    return 'added';
  }
  const state = await job.getState();
  if (state === 'delayed') {
    if (Math.abs(job.timestamp + (job.opts.delay ?? 0) - publication.publishAt.getTime()) <= 250) return 'kept';
  } else if (state !== 'completed' && state !== 'failed' && state !== 'unknown') {
    return 'kept'; // waiting or running: the worker checks the time itself
  }
  // Due at another time, or already run while the row still waits: set the alarm again.
  try {
    await job.remove();
  } catch {
    return 'kept'; // it started meanwhile
  }
  await addJob(queues, publication.id, publication.publishAt);
  return state === 'delayed' ? 'moved' : 'added';
}
