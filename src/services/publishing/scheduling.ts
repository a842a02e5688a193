// What planning's use cases share: the checks before anything is stored, the time a "next" means, and
// the conditional change of a waiting publication followed by its alarm. The row is the truth; every
// change is followed by syncPublicationJob, and the reconciler repairs the queue if that step is lost
// (Redis down at that moment).
import { AppError, notFound } from '../../errors.js';
import { formatHanoi } from '../../domain/publishing/hanoi-time.js';
import { isConfigured, type Target, type When } from '../../domain/publishing/targets.js';
import { telegramProblem } from '../../domain/publishing/telegram-limits.js';
import { syncPublicationJob } from './publication-jobs.js';
import { nextFreeSlot } from './slots.js';
import type { ScheduleDeps } from './deps.js';

// A time a little in the past (a form submitted slowly) still counts as now.
const GRACE_MS = 60_000;

export async function resolveWhen(deps: ScheduleDeps, target: Target, when: When, alsoTaken: Date[] = []): Promise<Date> {
  if (when !== 'next') {
    if (when.getTime() < Date.now() - GRACE_MS)
      throw new AppError('in_the_past', `publishAt ${formatHanoi(when)} (Hanoi) has passed; use "publish now" instead.`);
    return when;
  }
  const slot = await nextFreeSlot(deps, target, new Date(), alsoTaken);
  if (!slot) throw new AppError('no_free_slot', `No free ${target} slot in the next 60 days.`);
  return slot;
}

/** Why this clip cannot go to this target, checked before anything is stored. */
export async function checkClip(deps: ScheduleDeps, clipId: string, target: Target) {
  if (!isConfigured(deps.configured, target)) {
    const how = target === 'telegram' ? 'set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID' : 'configure the Zalo OA and PUBLIC_URL';
    throw new AppError('target_not_configured', `No ${target} target to publish to: ${how}.`);
  }
  const clip = await deps.publications.findClipToSchedule(clipId);
  if (!clip) throw notFound('clip');
  if (clip.state === 'rejected' || clip.state === 'failed') throw new AppError('clip_unusable', `The clip is ${clip.state} and cannot be published.`);
  // Known now only for a processed clip; for one still processing it is checked at publishing time.
  if (target === 'telegram' && clip.state === 'ready') {
    const problem = telegramProblem({ configured: true, localMode: deps.telegramLocalMode }, clip);
    if (problem) throw new AppError('too_big_for_telegram', problem);
  }
  return clip;
}

/** The publication, if it is still waiting to be sent: only such a one can change. */
export async function waitingPublication(deps: ScheduleDeps, id: string) {
  const publication = await deps.publications.find(id);
  if (!publication) throw notFound('publication');
  if (publication.state !== 'scheduled') throw new AppError('not_waiting', `The publication is ${publication.state}; only a scheduled one can change.`);
  return publication;
}

export async function updateWaiting(deps: ScheduleDeps, id: string, data: { publishAt?: Date; state?: 'cancelled' }) {
  // Conditional: a worker that claimed it meanwhile wins, and staff are told.
  if (!(await deps.publications.updateWaiting(id, data))) throw new AppError('not_waiting', 'The publication is being sent or was sent meanwhile.');
  const publication = await deps.publications.get(id);
  await setAlarm(deps, publication);
  return publication;
}

export async function setAlarm(deps: Pick<ScheduleDeps, 'queues'>, publication: { id: string; state: string; publishAt: Date }) {
  // Redis unreachable: the row is stored, and the reconciler sets the alarm within seconds of Redis's return.
  await syncPublicationJob(deps.queues, publication).catch(() => undefined);
}
