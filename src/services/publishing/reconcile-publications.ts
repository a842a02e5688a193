// PostgreSQL is the truth, BullMQ the alarm clock. Run on start for everything still to send, and every
// few seconds for what is due within the next minute (an indexed query on state and time), this makes
// the queue agree with the rows: missing jobs are added (Redis flushed or restarted), jobs of
// rescheduled publications are moved, jobs of cancelled ones dropped. A lost job therefore delays a
// post by one interval at most.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import type { Queues } from '../../jobs/queues.js';
import { syncPublicationJob, type JobSync } from './publication-jobs.js';
import { abandonedAt } from './publish-publication.js';

export interface ReconcilePublicationsDeps {
  prisma: PrismaClient;
  queues: Queues;
  logger: Logger;
}

export async function reconcilePublications(deps: ReconcilePublicationsDeps, options: { horizonMs?: number } = {}): Promise<Record<JobSync, number>> {
  const now = Date.now();
  const counts: Record<JobSync, number> = { added: 0, moved: 0, kept: 0, dropped: 0, none: 0 };
  const due = await deps.prisma.publication.findMany({
    where: {
      state: 'scheduled',
      ...(options.horizonMs !== undefined ? { publishAt: { lte: new Date(now + options.horizonMs) } } : {}),
      // A late one waits for its clip; the clip's "ready" queues it.
      OR: [{ late: false }, { clip: { state: 'ready' } }],
    },
    select: { id: true, state: true, publishAt: true },
    orderBy: { publishAt: 'asc' },
    take: 5000,
  });
  // Cancelled (or rescheduled away) lately: their old jobs go.
  const changed = await deps.prisma.publication.findMany({
    where: { state: 'cancelled', updatedAt: { gte: new Date(now - 10 * 60_000) } },
    select: { id: true, state: true, publishAt: true },
    take: 1000,
  });
  for (const publication of [...due, ...changed]) counts[await syncPublicationJob(deps.queues, publication)]++;
  // Claimed, and the sender's lease lapsed (it died) with its job gone too: a job again, and the worker
  // decides (Telegram: "unknown" for staff; Zalo: the deliveries carry on).
  const stuck = await deps.prisma.publication.findMany({
    where: abandonedAt(new Date(now)),
    select: { id: true, publishAt: true },
    take: 100,
  });
  for (const publication of stuck) counts[await syncPublicationJob(deps.queues, { ...publication, state: 'scheduled' })]++;
  if (counts.added || counts.moved || counts.dropped) deps.logger.warn({ ...counts }, 'publication jobs repaired');
  return counts;
}

/** The clip is ready: its publications that are due (late ones) go now. */
export async function releaseLatePublications(deps: ReconcilePublicationsDeps, clipId: string): Promise<number> {
  const late = await deps.prisma.publication.findMany({ where: { clipId, state: 'scheduled', publishAt: { lte: new Date() } }, select: { id: true, state: true, publishAt: true } });
  for (const publication of late) await syncPublicationJob(deps.queues, publication);
  return late.length;
}
