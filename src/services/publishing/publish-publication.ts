// Sends a due publication, at most once. PostgreSQL is the truth: the state moves scheduled → publishing
// by a conditional update, so two workers can never both send. Telegram has no idempotency key, so a
// worker that dies between sendVideo and recording the message id leaves the publication "unknown" for
// staff to check and resend, never a silent second post. A publication whose clip is still being
// processed at its time is marked late (staff are told) and goes out as soon as the clip is ready.
import { join } from 'node:path';
import { channelVideo, telegramProblem } from '../../domain/publishing/telegram-limits.js';
import { buildCaption } from './build-caption.js';
import { ensureSlug } from './ensure-slug.js';
import { deliverToSubscribers } from './deliver-to-subscribers.js';
import { failPublication, type StaffNotice } from './mark-publication-failed.js';
import type { PublishingServiceDeps } from './deps.js';

export interface ChannelPublisher {
  sendVideo(video: {
    file: { path: string } | { fileId: string };
    thumbnailPath?: string;
    caption: string;
    width: number;
    height: number;
    durationSec: number;
  }): Promise<{ messageId: string; fileId?: string }>;
}

/** Telegram refused for a reason that retrying cannot change. */
export class PermanentPublishError extends Error {
  name = 'PermanentPublishError';
}

export type PublishDeps = Pick<
  PublishingServiceDeps,
  | 'publications'
  | 'vlogSubscribers'
  | 'logger'
  | 'messages'
  | 'mediaDir'
  | 'telegram'
  | 'telegramLocalMode'
  | 'vlogMessenger'
  | 'publicUrl'
  | 'translator'
  | 'tellStaff'
  | 'leaseMs'
  | 'metrics'
>;

export type PublishOutcome = 'published' | 'not_due' | 'waiting_for_clip' | 'skipped' | 'unknown' | 'failed';

// A sender holds a lease on the publication while it sends and renews it; a lease that lapsed means the
// sender died (a live one, even mid-upload, keeps renewing).
const LEASE_MS = 30_000;
const leaseMsOf = (deps: PublishDeps) => deps.leaseMs ?? LEASE_MS;
const lease = (deps: PublishDeps) => new Date(Date.now() + leaseMsOf(deps));

/** Runs `send` while renewing the lease, so that nobody takes the publication for abandoned. */
async function holdingLease<T>(deps: PublishDeps, publicationId: string, send: () => Promise<T>): Promise<T> {
  const renew = setInterval(
    () => {
      deps.publications.renewLease(publicationId, lease(deps)).catch(() => {});
    },
    leaseMsOf(deps) / 3,
  );
  try {
    return await send();
  } finally {
    clearInterval(renew);
  }
}

export async function publishPublication(deps: PublishDeps, publicationId: string, now = new Date()): Promise<PublishOutcome> {
  const publication = await deps.publications.findToSend(publicationId);
  if (!publication) return 'skipped';
  const staffNotice: StaffNotice = (id, extra = {}) =>
    deps.tellStaff((lang) => deps.messages.t(lang, id, { title: publication.clip.title, target: publication.target, ...extra }));

  if (publication.state === 'publishing') {
    // Someone is sending it right now (a duplicate job after a Redis flush, say): theirs to finish.
    if (publication.leaseUntil && publication.leaseUntil > now) return 'skipped';
    // Zalo deliveries are tracked one by one, so an interrupted round can simply go on.
    if (publication.target === 'zalo') {
      return (await deps.publications.takeAbandoned(publicationId, now, lease(deps))) ? finishZalo(deps, publicationId) : 'skipped';
    }
    // The sender died between claiming and recording: whether Telegram got it is unknown, and a resend
    // could post twice, so staff decide.
    const marked = await deps.publications.markAbandonedUnknown(
      publicationId,
      now,
      'The worker stopped while sending; check the channel, then resend if it is missing.',
    );
    if (marked) await staffNotice('publication-unknown');
    return marked ? 'unknown' : 'skipped';
  }
  if (publication.state !== 'scheduled') return 'skipped';
  if (publication.publishAt.getTime() > now.getTime() + 500) return 'not_due';

  const clip = publication.clip;
  if (clip.state === 'rejected' || clip.state === 'failed') {
    return failPublication(deps, publicationId, `The clip was ${clip.state}${clip.error ? `: ${clip.error}` : ''}.`, staffNotice);
  }
  if (clip.state !== 'ready') {
    // Told once; the clip's "ready" puts the publication back in the queue.
    if (await deps.publications.markLate(publicationId)) await staffNotice('publication-late', { state: clip.state });
    return 'waiting_for_clip';
  }
  if (publication.target === 'telegram' && channelVideo(clip) === 'burning') {
    // The clip asks for its captions burned in and has them, but that video is still being made: it waits
    // as for a clip still processing (told once); the captions job's end puts it back in the queue.
    if (await deps.publications.markLate(publicationId)) await staffNotice('publication-waiting-captions');
    return 'waiting_for_clip';
  }
  if (publication.target === 'telegram') {
    const problem = telegramProblem({ configured: Boolean(deps.telegram), localMode: deps.telegramLocalMode }, clip);
    if (problem) return failPublication(deps, publicationId, problem, staffNotice);
  }

  // Everything that can be prepared is, before the claim: the window in which a dying worker leaves an
  // "unknown" is only the send itself.
  const caption = publication.target === 'telegram' ? (publication.caption ?? (await captionFor(deps, clip))) : undefined;
  await ensureSlug(deps, clip); // the vlog page's address, there before anyone sees "published"
  if (!(await deps.publications.claim(publicationId, lease(deps)))) return 'skipped';
  deps.metrics?.publicationSent(publication.target, (Date.now() - publication.publishAt.getTime()) / 1000);
  if (publication.target === 'zalo') return finishZalo(deps, publicationId);
  if (publication.target === 'web') return finishWeb(deps, publicationId);

  const chosen = channelVideo(clip);
  if (!chosen || chosen === 'burning') throw new Error('the channel video went missing after it was checked');
  const { video, burned } = chosen;
  // The stored file_id is the plain 720p's: a burned video is uploaded each time, and its id is not kept.
  const fileId = burned ? null : clip.telegramFileId;
  const thumbnail = clip.renditions.find((r) => r.kind === 'thumb-1');
  const send = (file: { path: string } | { fileId: string }) =>
    holdingLease(deps, publicationId, () =>
      deps.telegram!.sendVideo({
        file,
        thumbnailPath: thumbnail ? join(deps.mediaDir, thumbnail.path) : undefined,
        caption: caption!,
        width: video.width,
        height: video.height,
        durationSec: Math.round(video.durationSec ?? 0),
      }),
    );
  let sent;
  try {
    try {
      // A clip posted before goes by its file_id: no upload, no size limit.
      sent = await send(fileId ? { fileId } : { path: join(deps.mediaDir, video.path) });
    } catch (error) {
      if (!(error instanceof PermanentPublishError && fileId && /file|identifier/i.test(error.message))) throw error;
      // Telegram no longer knows the file_id ("wrong file identifier"): upload it again instead.
      await deps.publications.forgetTelegramFileId(clip.id);
      sent = await send({ path: join(deps.mediaDir, video.path) });
    }
  } catch (error) {
    if (error instanceof PermanentPublishError) return failPublication(deps, publicationId, `Telegram refused the post: ${error.message}`, staffNotice);
    // Telegram answered with an error or could not be reached: nothing was posted; the job tries again.
    await deps.publications.releaseAfterError(publicationId, caption, (error as Error).message.slice(0, 500));
    throw error;
  }
  await deps.publications.markSentToChannel(
    publicationId,
    { messageId: sent.messageId, caption, publishedAt: new Date() },
    !burned && sent.fileId && sent.fileId !== clip.telegramFileId ? { clipId: clip.id, fileId: sent.fileId } : undefined,
  );
  deps.logger.info({ publicationId, messageId: sent.messageId, lateMs: Date.now() - publication.publishAt.getTime() }, 'publication sent');
  return 'published';
}

async function finishZalo(deps: PublishDeps, publicationId: string): Promise<PublishOutcome> {
  const subscribers = await holdingLease(deps, publicationId, () => deliverToSubscribers(deps, publicationId));
  await deps.publications.markPublished(publicationId, { messageId: `${subscribers} subscribers`, publishedAt: new Date() });
  deps.logger.info({ publicationId, subscribers }, 'vlog sent to Zalo subscribers');
  return 'published';
}

/** The web target: the slug made above is the vlog page; "published" is what puts it on /vlogs and RSS. */
async function finishWeb(deps: PublishDeps, publicationId: string): Promise<PublishOutcome> {
  await deps.publications.markPublished(publicationId, { publishedAt: new Date() });
  deps.logger.info({ publicationId }, 'vlog published on the web');
  return 'published';
}

async function captionFor(deps: PublishDeps, clip: { title: string; description: string | null; tags: string[]; villageId: string | null }) {
  const village = clip.villageId ? await deps.publications.villageForCaption(clip.villageId) : null;
  return buildCaption(deps, { title: clip.title, description: clip.description, tags: clip.tags, village });
}
