// "Retry" on a failed clip (a worker error, not a rejection): back to the queue, from the start. The
// failed job keeps its id in BullMQ for a week, so it is retried rather than added again.
import type { PrismaClient } from '../../generated/prisma/client.js';
import { AppError, notFound } from '../../errors.js';
import { enqueueClipProcessing, jobIdFor, type Queues } from '../../jobs/queues.js';

export async function retryClip(deps: { prisma: PrismaClient; queues: Queues; announce?: (clipId: string) => Promise<void> }, clipId: string) {
  const clip = await deps.prisma.clip.findUnique({ where: { id: clipId }, select: { state: true } });
  if (!clip) throw notFound('clip');
  const changed = await deps.prisma.clip.updateMany({ where: { id: clipId, state: 'failed' }, data: { state: 'queued', progress: 0, error: null, errorDetail: null } });
  if (!changed.count) throw new AppError('not_retryable', `Only a failed clip can be retried; this one is ${clip.state}.`);
  const job = await deps.queues.clipProcessing.getJob(jobIdFor['clip-processing']({ clipId }));
  if (job && (await job.isFailed())) await job.retry();
  else {
    if (job) await job.remove().catch(() => {});
    await enqueueClipProcessing(deps.queues, clipId);
  }
  await deps.announce?.(clipId);
}
