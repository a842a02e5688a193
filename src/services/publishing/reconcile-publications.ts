// PostgreSQL is the truth, BullMQ the alarm clock. Run on start for everything still to send, and every
// few seconds for what is due within the next minute (an indexed query on state and time), this makes
// the queue agree with the rows: missing jobs are added (Redis flushed or restarted), jobs of
// rescheduled publications are moved, jobs of cancelled ones dropped. A lost job therefore delays a
// post by one interval at most.
import { syncPublicationJob, type JobSync } from './publication-jobs.js';
import type { PublishingServiceDeps } from './deps.js';

export type ReconcilePublicationsDeps = Pick<PublishingServiceDeps, 'publications' | 'queues' | 'logger'>;

export async function reconcilePublications(deps: ReconcilePublicationsDeps, options: { horizonMs?: number } = {}): Promise<Record<JobSync, number>> {
  const now = Date.now();
  const counts: Record<JobSync, number> = { added: 0, moved: 0, kept: 0, dropped: 0, none: 0 };
  const due = await deps.publications.listDue(options.horizonMs !== undefined ? new Date(now + options.horizonMs) : undefined);
  // Cancelled (or rescheduled away) lately: their old jobs go.
  const changed = await deps.publications.listCancelledSince(new Date(now - 10 * 60_000));
  for (const publication of [...due, ...changed]) counts[await syncPublicationJob(deps.queues, publication)]++;
  // Claimed, and the sender's lease lapsed (it died) with its job gone too: a job again, and the worker
  // decides (Telegram: "unknown" for staff; Zalo: the deliveries carry on).
  const stuck = await deps.publications.listAbandoned(new Date(now));
  for (const publication of stuck) counts[await syncPublicationJob(deps.queues, { ...publication, state: 'scheduled' })]++;
  if (counts.added || counts.moved || counts.dropped) deps.logger.warn({ ...counts }, 'publication jobs repaired');
  return counts;
}
