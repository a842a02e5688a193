// Sends a due publication, at most once. PostgreSQL is the truth: the state moves scheduled → publishing
// by a conditional update, so two workers can never both send. Telegram has no idempotency key, so a
// worker that dies between sendVideo and recording the message id leaves the publication "unknown" for
// staff to check and resend, never a silent second post. A publication whose clip is still being
// processed at its time is marked late (staff are told) and goes out as soon as the clip is ready.
import { join } from 'node:path';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import { buildCaption, type CaptionDeps } from './caption.js';
import { deliverToSubscribers, type VlogDeliveryDeps } from './vlog-subscribers.js';

/** The cloud Bot API takes uploads up to 50 MB; a local-mode Bot API server up to 2000 MB. */
export const TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024;

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

export interface PublishingDeps {
  prisma: PrismaClient;
  mediaDir: string;
  logger: Logger;
  messages: Messages;
  /** The channel, when TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID are set. */
  telegram?: ChannelPublisher;
  telegramLocalMode: boolean;
  /** Zalo subscribers' deliveries. */
  vlogs: VlogDeliveryDeps;
  caption: CaptionDeps;
  /** Tells staff (their Telegram chat) what needs them: late, failed, unknown. */
  tellStaff: (text: (lang: Lang) => string) => Promise<void>;
  /** How long a sender's claim lasts without renewal (JOB_LOCK_SECONDS); 30 s unless told. */
  leaseMs?: number;
}

export type PublishOutcome = 'published' | 'not_due' | 'waiting_for_clip' | 'skipped' | 'unknown' | 'failed';

// A sender holds a lease on the publication while it sends and renews it; a lease that lapsed means the
// sender died (a live one, even mid-upload, keeps renewing).
const LEASE_MS = 30_000;
const leaseMsOf = (deps: PublishingDeps) => deps.leaseMs ?? LEASE_MS;
const lease = (deps: PublishingDeps) => new Date(Date.now() + leaseMsOf(deps));
/** Publications claimed by a sender whose lease has lapsed (or was never taken): abandoned. */
export const abandonedAt = (now: Date) => ({ state: 'publishing' as const, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] });

/** Runs `send` while renewing the lease, so that nobody takes the publication for abandoned. */
async function holdingLease<T>(deps: PublishingDeps, publicationId: string, send: () => Promise<T>): Promise<T> {
  const renew = setInterval(() => {
    deps.prisma.publication.updateMany({ where: { id: publicationId, state: 'publishing' }, data: { leaseUntil: lease(deps) } }).catch(() => {});
  }, leaseMsOf(deps) / 3);
  try {
    return await send();
  } finally {
    clearInterval(renew);
  }
}

const load = (prisma: PrismaClient, id: string) =>
  prisma.publication.findUnique({
    where: { id },
    include: { clip: { include: { renditions: true } } },
  });

export async function publishPublication(deps: PublishingDeps, publicationId: string, now = new Date()): Promise<PublishOutcome> {
  const publication = await load(deps.prisma, publicationId);
  if (!publication) return 'skipped';
  const staffNotice = (id: string, extra: Record<string, string> = {}) =>
    deps.tellStaff((lang) => deps.messages.t(lang, id, { title: publication.clip.title, target: publication.target, ...extra }));

  if (publication.state === 'publishing') {
    // Someone is sending it right now (a duplicate job after a Redis flush, say): theirs to finish.
    if (publication.leaseUntil && publication.leaseUntil > now) return 'skipped';
    const abandoned = { id: publicationId, ...abandonedAt(now) };
    // Zalo deliveries are tracked one by one, so an interrupted round can simply go on.
    if (publication.target === 'zalo') {
      const taken = await deps.prisma.publication.updateMany({ where: abandoned, data: { leaseUntil: lease(deps) } });
      return taken.count ? finishZalo(deps, publicationId) : 'skipped';
    }
    // The sender died between claiming and recording: whether Telegram got it is unknown, and a resend
    // could post twice, so staff decide.
    const marked = await deps.prisma.publication.updateMany({
      where: abandoned,
      data: { state: 'unknown', leaseUntil: null, error: 'The worker stopped while sending; check the channel, then resend if it is missing.' },
    });
    if (marked.count) await staffNotice('publication-unknown');
    return marked.count ? 'unknown' : 'skipped';
  }
  if (publication.state !== 'scheduled') return 'skipped';
  if (publication.publishAt.getTime() > now.getTime() + 500) return 'not_due';

  const clip = publication.clip;
  if (clip.state === 'rejected' || clip.state === 'failed') {
    return fail(deps, publicationId, `The clip was ${clip.state}${clip.error ? `: ${clip.error}` : ''}.`, staffNotice);
  }
  if (clip.state !== 'ready') {
    // Told once; the clip's "ready" puts the publication back in the queue.
    const marked = await deps.prisma.publication.updateMany({ where: { id: publicationId, state: 'scheduled', late: false }, data: { late: true } });
    if (marked.count) await staffNotice('publication-late', { state: clip.state });
    return 'waiting_for_clip';
  }
  if (publication.target === 'telegram') {
    const problem = telegramProblem(deps, clip);
    if (problem) return fail(deps, publicationId, problem, staffNotice);
  }

  // Everything that can be prepared is, before the claim: the window in which a dying worker leaves an
  // "unknown" is only the send itself.
  const caption = publication.target === 'telegram' ? (publication.caption ?? (await captionFor(deps, clip))) : undefined;
  await ensureSlug(deps.prisma, clip); // the vlog page's address, there before anyone sees "published"
  const claimed = await deps.prisma.publication.updateMany({ where: { id: publicationId, state: 'scheduled' }, data: { state: 'publishing', leaseUntil: lease(deps) } });
  if (claimed.count === 0) return 'skipped';
  if (publication.target === 'zalo') return finishZalo(deps, publicationId);
  if (publication.target === 'web') return finishWeb(deps, publicationId);

  const video = clip.renditions.find((r) => r.kind === '720p')!;
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
      sent = await send(clip.telegramFileId ? { fileId: clip.telegramFileId } : { path: join(deps.mediaDir, video.path) });
    } catch (error) {
      if (!(error instanceof PermanentPublishError && clip.telegramFileId && /file|identifier/i.test(error.message))) throw error;
      // Telegram no longer knows the file_id ("wrong file identifier"): upload it again instead.
      await deps.prisma.clip.update({ where: { id: clip.id }, data: { telegramFileId: null } });
      sent = await send({ path: join(deps.mediaDir, video.path) });
    }
  } catch (error) {
    if (error instanceof PermanentPublishError) return fail(deps, publicationId, `Telegram refused the post: ${error.message}`, staffNotice);
    // Telegram answered with an error or could not be reached: nothing was posted; the job tries again.
    await deps.prisma.publication.updateMany({ where: { id: publicationId, state: 'publishing' }, data: { state: 'scheduled', leaseUntil: null, caption, error: (error as Error).message.slice(0, 500) } });
    throw error;
  }
  // One step, so a repost seen after "published" already goes by the file_id.
  await deps.prisma.$transaction([
    deps.prisma.publication.update({
      where: { id: publicationId },
      // Unconditional: it was sent, whatever anyone concluded meanwhile.
      data: { state: 'published', messageId: sent.messageId, caption, publishedAt: new Date(), error: null, leaseUntil: null },
    }),
    ...(sent.fileId && sent.fileId !== clip.telegramFileId ? [deps.prisma.clip.update({ where: { id: clip.id }, data: { telegramFileId: sent.fileId } })] : []),
  ]);
  deps.logger.info({ publicationId, messageId: sent.messageId, lateMs: Date.now() - publication.publishAt.getTime() }, 'publication sent');
  return 'published';
}

/** Why the channel cannot take this clip, or undefined. Checked when scheduling too. */
export function telegramProblem(deps: { telegram?: unknown; telegramLocalMode: boolean }, clip: { telegramFileId: string | null; renditions: Array<{ kind: string; bytes: bigint }> }): string | undefined {
  if (!deps.telegram) return 'No channel to publish to: set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID.';
  const video = clip.renditions.find((r) => r.kind === '720p');
  if (!video) return 'The clip has no 720p rendition.';
  if (!clip.telegramFileId && !deps.telegramLocalMode && video.bytes > BigInt(TELEGRAM_UPLOAD_LIMIT)) {
    const mb = Math.ceil(Number(video.bytes) / 1024 / 1024);
    return `The 720p video is ${mb} MB; Telegram's cloud Bot API takes uploads of at most 50 MB. Run a local Bot API server (TELEGRAM_API_ROOT, TELEGRAM_LOCAL_MODE=true) or shorten the clip.`;
  }
  return undefined;
}

async function finishZalo(deps: PublishingDeps, publicationId: string): Promise<PublishOutcome> {
  const subscribers = await holdingLease(deps, publicationId, () => deliverToSubscribers(deps.vlogs, publicationId));
  await deps.prisma.publication.updateMany({
    where: { id: publicationId, state: 'publishing' },
    data: { state: 'published', messageId: `${subscribers} subscribers`, publishedAt: new Date(), error: null, leaseUntil: null },
  });
  deps.logger.info({ publicationId, subscribers }, 'vlog sent to Zalo subscribers');
  return 'published';
}

/** The web target: the slug made above is the vlog page; "published" is what puts it on /vlogs and RSS. */
async function finishWeb(deps: PublishingDeps, publicationId: string): Promise<PublishOutcome> {
  await deps.prisma.publication.updateMany({ where: { id: publicationId, state: 'publishing' }, data: { state: 'published', publishedAt: new Date(), error: null, leaseUntil: null } });
  deps.logger.info({ publicationId }, 'vlog published on the web');
  return 'published';
}

async function fail(deps: PublishingDeps, publicationId: string, reason: string, staffNotice: (id: string, extra?: Record<string, string>) => Promise<void>): Promise<PublishOutcome> {
  const marked = await deps.prisma.publication.updateMany({ where: { id: publicationId, state: { in: ['scheduled', 'publishing'] } }, data: { state: 'failed', leaseUntil: null, error: reason.slice(0, 500) } });
  if (marked.count) {
    deps.logger.warn({ publicationId, reason }, 'publication failed');
    await staffNotice('publication-failed', { reason });
  }
  return 'failed';
}

/** Marks a publication failed after its tries ran out (the worker's last word). */
export async function markPublicationFailed(deps: PublishingDeps, publicationId: string, reason: string) {
  const publication = await deps.prisma.publication.findUnique({ where: { id: publicationId }, include: { clip: true } });
  if (!publication) return;
  await fail(deps, publicationId, reason, (id, extra) => deps.tellStaff((lang) => deps.messages.t(lang, id, { title: publication.clip.title, target: publication.target, ...extra })));
}

async function captionFor(deps: PublishingDeps, clip: { title: string; description: string | null; tags: string[]; villageId: string | null }) {
  const village = clip.villageId
    ? await deps.prisma.village.findUnique({ where: { id: clip.villageId }, include: { crafts: { include: { craft: true } } } })
    : null;
  return buildCaption(deps.caption, {
    title: clip.title,
    description: clip.description,
    tags: clip.tags,
    village: village ? { id: village.id, nameVi: village.nameVi, nameEn: village.nameEn, crafts: village.crafts.map((c) => c.craft.nameVi) } : null,
  });
}

/** The clip's public page address, made once from its title: /vlogs/<slug>. */
export async function ensureSlug(prisma: PrismaClient, clip: { id: string; title: string; slug: string | null }): Promise<string> {
  if (clip.slug) return clip.slug;
  const words = clip.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const slug = `${words || 'vlog'}-${clip.id.slice(0, 6)}`;
  await prisma.clip.updateMany({ where: { id: clip.id, slug: null }, data: { slug } });
  return (await prisma.clip.findUniqueOrThrow({ where: { id: clip.id }, select: { slug: true } })).slug!;
}
