// Staff plan publications: a clip × a target × a time (entered and shown in Hanoi time, kept in UTC).
// The row is the truth; every change is followed by syncPublicationJob, and the reconciler repairs the
// queue if that step is lost (Redis down at that moment).
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Queues } from '../../jobs/queues.js';
import { AppError, notFound } from '../../errors.js';
import { formatHanoi } from './hanoi-time.js';
import { syncPublicationJob } from './publication-jobs.js';
import { nextFreeSlot, slotsOf, TARGETS, type Target } from './slots.js';
import { telegramProblem } from './publish-publication.js';

export interface ScheduleDeps {
  prisma: PrismaClient;
  queues: Queues;
  defaultSlots: string[];
  /** Which targets can publish at all ("web" always can). */
  configured: Record<Exclude<Target, 'web'>, boolean>;
  telegramLocalMode: boolean;
}

/** A time, or the target's next free slot. */
export type When = Date | 'next';

// A time a little in the past (a form submitted slowly) still counts as now.
const GRACE_MS = 60_000;

export function parseTarget(value: unknown): Target {
  if (typeof value === 'string' && (TARGETS as readonly string[]).includes(value)) return value as Target;
  throw new AppError('bad_target', `target must be one of ${TARGETS.join(', ')}`);
}

async function resolveWhen(deps: ScheduleDeps, target: Target, when: When, alsoTaken: Date[] = []): Promise<Date> {
  if (when !== 'next') {
    if (when.getTime() < Date.now() - GRACE_MS) throw new AppError('in_the_past', `publishAt ${formatHanoi(when)} (Hanoi) has passed; use "publish now" instead.`);
    return when;
  }
  const slot = await nextFreeSlot(deps.prisma, target, await slotsOf(deps.prisma, target, deps.defaultSlots), new Date(), alsoTaken);
  if (!slot) throw new AppError('no_free_slot', `No free ${target} slot in the next 60 days.`);
  return slot;
}

export const isConfigured = (deps: Pick<ScheduleDeps, 'configured'>, target: Target) => target === 'web' || deps.configured[target];

/** Why this clip cannot go to this target, checked before anything is stored. */
async function checkClip(deps: ScheduleDeps, clipId: string, target: Target) {
  if (!isConfigured(deps, target)) {
    const how = target === 'telegram' ? 'set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID' : 'configure the Zalo OA and PUBLIC_URL';
    throw new AppError('target_not_configured', `No ${target} target to publish to: ${how}.`);
  }
  const clip = await deps.prisma.clip.findUnique({ where: { id: clipId }, include: { renditions: { select: { kind: true, bytes: true } } } });
  if (!clip) throw notFound('clip');
  if (clip.state === 'rejected' || clip.state === 'failed') throw new AppError('clip_unusable', `The clip is ${clip.state} and cannot be published.`);
  // Known now only for a processed clip; for one still processing it is checked at publishing time.
  if (target === 'telegram' && clip.state === 'ready') {
    const problem = telegramProblem({ telegram: true, telegramLocalMode: deps.telegramLocalMode }, clip);
    if (problem) throw new AppError('too_big_for_telegram', problem);
  }
  return clip;
}

export async function schedulePublication(deps: ScheduleDeps, input: { clipId: string; target: Target; when: When }) {
  await checkClip(deps, input.clipId, input.target);
  const publishAt = await resolveWhen(deps, input.target, input.when);
  const publication = await deps.prisma.publication.create({ data: { clipId: input.clipId, target: input.target, publishAt } });
  await syncOrLeaveToReconciler(deps, publication);
  return publication;
}

/** Only a publication still waiting can move; its job moves with it. */
export async function reschedulePublication(deps: ScheduleDeps, id: string, when: When) {
  const publication = await waiting(deps, id);
  const publishAt = await resolveWhen(deps, publication.target as Target, when);
  return update(deps, id, { publishAt });
}

export async function cancelPublication(deps: ScheduleDeps, id: string) {
  await waiting(deps, id);
  return update(deps, id, { state: 'cancelled' });
}

export async function publishNow(deps: ScheduleDeps, id: string) {
  await waiting(deps, id);
  return update(deps, id, { publishAt: new Date() });
}

/** After "unknown" (staff checked the channel) or "failed": send again, now. */
export async function resendPublication(deps: ScheduleDeps, id: string) {
  const publication = await deps.prisma.publication.findUnique({ where: { id } });
  if (!publication) throw notFound('publication');
  if (publication.state !== 'unknown' && publication.state !== 'failed') {
    throw new AppError('not_resendable', `Only an unknown or failed publication can be resent; this one is ${publication.state}.`);
  }
  await checkClip(deps, publication.clipId, publication.target as Target);
  const changed = await deps.prisma.publication.updateMany({
    where: { id, state: publication.state },
    data: { state: 'scheduled', publishAt: new Date(), error: null, late: false },
  });
  if (!changed.count) throw new AppError('changed', 'The publication changed meanwhile; reload it.');
  const updated = await deps.prisma.publication.findUniqueOrThrow({ where: { id } });
  await syncOrLeaveToReconciler(deps, updated);
  return updated;
}

async function waiting(deps: ScheduleDeps, id: string) {
  const publication = await deps.prisma.publication.findUnique({ where: { id } });
  if (!publication) throw notFound('publication');
  if (publication.state !== 'scheduled') throw new AppError('not_waiting', `The publication is ${publication.state}; only a scheduled one can change.`);
  return publication;
}

async function update(deps: ScheduleDeps, id: string, data: { publishAt?: Date; state?: 'cancelled' }) {
  // Conditional: a worker that claimed it meanwhile wins, and staff are told.
  const changed = await deps.prisma.publication.updateMany({ where: { id, state: 'scheduled' }, data });
  if (!changed.count) throw new AppError('not_waiting', 'The publication is being sent or was sent meanwhile.');
  const publication = await deps.prisma.publication.findUniqueOrThrow({ where: { id } });
  await syncOrLeaveToReconciler(deps, publication);
  return publication;
}

async function syncOrLeaveToReconciler(deps: ScheduleDeps, publication: { id: string; state: string; publishAt: Date }) {
  // Redis unreachable: the row is stored, and the reconciler sets the alarm within seconds of Redis's return.
  await syncPublicationJob(deps.queues, publication).catch(() => undefined);
}

export async function listPublications(prisma: PrismaClient, filter: { from: Date; to: Date; target?: Target }) {
  return prisma.publication.findMany({
    where: { publishAt: { gte: filter.from, lt: filter.to }, ...(filter.target ? { target: filter.target } : {}) },
    orderBy: [{ publishAt: 'asc' }, { target: 'asc' }],
    include: { clip: { select: { title: true, state: true, slug: true } } },
    take: 1000,
  });
}

export function publicationView(p: {
  id: string;
  clipId: string;
  target: string;
  publishAt: Date;
  state: string;
  late: boolean;
  messageId: string | null;
  publishedAt: Date | null;
  error: string | null;
  caption?: string | null;
  clip?: { title: string; state: string; slug: string | null };
}) {
  return {
    id: p.id,
    clipId: p.clipId,
    clipTitle: p.clip?.title,
    clipState: p.clip?.state,
    target: p.target,
    publishAt: p.publishAt.toISOString(),
    publishAtLocal: formatHanoi(p.publishAt),
    state: p.state,
    late: p.late,
    messageId: p.messageId,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    error: p.error,
    // "resend" is offered only where staff must decide.
    resendable: p.state === 'unknown' || p.state === 'failed',
  };
}
