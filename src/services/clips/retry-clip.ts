// "Retry" on a failed clip (a worker error, not a rejection): back to the queue, from the start. The
// failed job keeps its id in BullMQ for a week, so it is retried rather than added again.
import type { ClipRepository } from '../../data/clip-repository.js';
import { AppError, notFound } from '../../errors.js';
import { enqueueClipProcessing, jobIdFor, type Queues } from '../../jobs/queues.js';
import type { Announce } from './deps.js';

export async function retryClip(deps: { clips: ClipRepository; queues: Queues; announce?: Announce }, clipId: string) {
  const clip = await deps.clips.findState(clipId);
  if (!clip) throw notFound('clip');
  if (!(await deps.clips.requeueIfFailed(clipId))) throw new AppError('not_retryable', `Only a failed clip can be retried; this one is ${clip.state}.`);
  const job = await deps.queues.clipProcessing.getJob(jobIdFor['clip-processing']({ clipId }));
  // Its tries start again: a retried clip gets its three, with backoff, not one last try.
  if (job && (await job.isFailed())) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  else {
    if (job) await job.remove().catch(() => {});
    await enqueueClipProcessing(deps.queues, clipId);
  }
  await deps.announce?.(clipId);
}
