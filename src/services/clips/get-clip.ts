// The clip as staff see it: state, progress, place in the queue, why it was rejected (vi and en), its
// renditions, poster and thumbnails with their URLs, and its publications.
import type { PrismaClient } from '../../generated/prisma/client.js';
import { notFound } from '../../errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Queues } from '../../jobs/queues.js';
import { jobIdFor } from '../../jobs/queues.js';
import type { Rejection } from '../../media/assess.js';
import { failureCode } from '../../media/ffmpeg-failure.js';

export interface ClipViewDeps {
  prisma: PrismaClient;
  messages: Messages;
  queues?: Queues;
  /** Where /media/ is served from, for absolute URLs (PUBLIC_URL); relative URLs without it. */
  publicUrl?: string;
}

const includeAll = { renditions: { orderBy: { kind: 'asc' as const } }, publications: { orderBy: { publishAt: 'asc' as const } } };
type ClipRow = NonNullable<Awaited<ReturnType<typeof findClip>>>;
const findClip = (prisma: PrismaClient, id: string) => prisma.clip.findUnique({ where: { id }, include: includeAll });

export async function getClip(deps: ClipViewDeps, clipId: string) {
  const clip = await findClip(deps.prisma, clipId);
  if (!clip) throw notFound('clip');
  return clipView(deps, clip, await queuePosition(deps, clip));
}

export async function listClips(deps: ClipViewDeps, limit = 100) {
  const clips = await deps.prisma.clip.findMany({ orderBy: { createdAt: 'desc' }, take: limit, include: includeAll });
  const order = await queueOrder(deps);
  return clips.map((clip) => clipView(deps, clip, clip.state === 'queued' ? (order.get(jobIdFor['clip-processing']({ clipId: clip.id })) ?? null) : null));
}

/** Waiting job id → place in the queue; the queue hands out the oldest first, so 1 is next. */
async function queueOrder(deps: ClipViewDeps): Promise<Map<string | undefined, number>> {
  const waiting = deps.queues ? await deps.queues.clipProcessing.getWaiting().catch(() => []) : [];
  return new Map([...waiting].sort((a, b) => a.timestamp - b.timestamp).map((job, i) => [job.id, i + 1]));
}

async function queuePosition(deps: ClipViewDeps, clip: ClipRow): Promise<number | null> {
  if (clip.state !== 'queued') return null;
  return (await queueOrder(deps)).get(jobIdFor['clip-processing']({ clipId: clip.id })) ?? null;
}

export function clipView(deps: ClipViewDeps, clip: ClipRow, position: number | null) {
  const url = (path: string) => `${deps.publicUrl ? deps.publicUrl.replace(/\/$/, '') : ''}/media/${path}`;
  const reason = clip.reason as Rejection | null;
  const videos = clip.renditions.filter((r) => r.mimeType === 'video/mp4');
  const poster = clip.renditions.find((r) => r.kind === 'poster');
  return {
    id: clip.id,
    title: clip.title,
    description: clip.description,
    village: clip.villageId,
    tags: clip.tags,
    state: clip.state,
    progress: clip.progress,
    queuePosition: position,
    error: clip.error,
    // A failure in plain words (vi and en) with ffmpeg's scrubbed last lines for the technical team.
    failure: clip.state === 'failed' ? failureView(deps.messages, clip.error, clip.errorDetail) : null,
    reason: reason ? { code: reason.code, vi: deps.messages.t('vi', 'clip-rejected', { code: reason.code, ...reason.args }), en: deps.messages.t('en', 'clip-rejected', { code: reason.code, ...reason.args }) } : null,
    source: { name: clip.sourceName, bytes: Number(clip.sourceBytes) },
    durationSec: clip.durationSec,
    width: clip.width,
    height: clip.height,
    createdAt: clip.createdAt.toISOString(),
    updatedAt: clip.updatedAt.toISOString(),
    renditions: videos.map((r) => ({ kind: r.kind, width: r.width, height: r.height, bytes: Number(r.bytes), durationSec: r.durationSec, mimeType: r.mimeType, url: url(r.path) })),
    poster: poster ? { width: poster.width, height: poster.height, url: url(poster.path) } : null,
    thumbnails: clip.renditions.filter((r) => r.kind.startsWith('thumb-')).map((r) => ({ width: r.width, height: r.height, url: url(r.path) })),
    publications: clip.publications.map((p) => ({
      id: p.id,
      target: p.target,
      publishAt: p.publishAt.toISOString(),
      state: p.state,
      messageId: p.messageId,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      error: p.error,
    })),
  };
}

function failureView(messages: Messages, error: string | null, detail: string | null) {
  const code = failureCode(error, detail);
  return { code, vi: messages.t('vi', 'clip-failure', { code }), en: messages.t('en', 'clip-failure', { code }), detail: [error, detail].filter(Boolean).join('\n') };
}
