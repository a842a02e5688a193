// The clip as staff see it: state, progress, place in the queue, why it was rejected (vi and en), its
// renditions, poster and thumbnails with their URLs, and its publications.
import type { ClipRepository, ClipWithAll } from '../../data/clip-repository.js';
import { notFound } from '../../errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { Queues } from '../../jobs/queues.js';
import { jobIdFor } from '../../jobs/queues.js';
import { failureCode } from '../../media/ffmpeg-failure.js';
import { mediaUrl } from './clip-files.js';

export interface ClipViewDeps {
  clips: ClipRepository;
  messages: Messages;
  queues?: Queues;
  /** Where /media/ is served from, for absolute URLs (PUBLIC_URL); relative URLs without it. */
  publicUrl?: string;
}

export interface ClipViewOptions {
  /** Media URLs relative to this server (the console shows what this server serves), not PUBLIC_URL. */
  relativeUrls?: boolean;
}

const viewDepsFor = (deps: ClipViewDeps, options: ClipViewOptions) => (options.relativeUrls ? { ...deps, publicUrl: undefined } : deps);

export async function getClip(deps: ClipViewDeps, clipId: string, options: ClipViewOptions = {}) {
  const clip = await deps.clips.findWithAll(clipId);
  if (!clip) throw notFound('clip');
  return clipView(viewDepsFor(deps, options), clip, await queuePosition(deps, clip));
}

export async function listClips(deps: ClipViewDeps, options: ClipViewOptions & { limit?: number } = {}) {
  const clips = await deps.clips.listWithAll(options.limit ?? 100);
  const order = await queueOrder(deps);
  return clips.map((clip) =>
    clipView(viewDepsFor(deps, options), clip, clip.state === 'queued' ? (order.get(jobIdFor['clip-processing']({ clipId: clip.id })) ?? null) : null),
  );
}

/** Waiting job id → place in the queue; the queue hands out the oldest first, so 1 is next. */
async function queueOrder(deps: ClipViewDeps): Promise<Map<string | undefined, number>> {
  const waiting = deps.queues ? await deps.queues.clipProcessing.getWaiting().catch(() => []) : [];
  return new Map([...waiting].sort((a, b) => a.timestamp - b.timestamp).map((job, i) => [job.id, i + 1]));
}

async function queuePosition(deps: ClipViewDeps, clip: ClipWithAll): Promise<number | null> {
  if (clip.state !== 'queued') return null;
  return (await queueOrder(deps)).get(jobIdFor['clip-processing']({ clipId: clip.id })) ?? null;
}

export function clipView(deps: Pick<ClipViewDeps, 'messages' | 'publicUrl'>, clip: ClipWithAll, position: number | null) {
  const url = (path: string) => mediaUrl(deps, path);
  const reason = clip.reason;
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
    reason: reason
      ? {
          code: reason.code,
          vi: deps.messages.t('vi', 'clip-rejected', { code: reason.code, ...reason.args }),
          en: deps.messages.t('en', 'clip-rejected', { code: reason.code, ...reason.args }),
        }
      : null,
    source: { name: clip.sourceName, bytes: Number(clip.sourceBytes) },
    durationSec: clip.durationSec,
    width: clip.width,
    height: clip.height,
    createdAt: clip.createdAt.toISOString(),
    updatedAt: clip.updatedAt.toISOString(),
    renditions: videos.map((r) => ({
      kind: r.kind,
      width: r.width,
      height: r.height,
      bytes: Number(r.bytes),
      durationSec: r.durationSec,
      mimeType: r.mimeType,
      url: url(r.path),
    })),
    poster: poster ? { width: poster.width, height: poster.height, url: url(poster.path) } : null,
    thumbnails: clip.renditions.filter((r) => r.kind.startsWith('thumb-')).map((r) => ({ width: r.width, height: r.height, url: url(r.path) })),
    // Captions per language, served as WebVTT; burnCaptions: the language burned into the Telegram video.
    captions: clip.captions.map((c) => ({ lang: c.lang, cues: c.cues, url: url(c.path) })),
    burnCaptions: clip.burnCaptions,
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
  return {
    code,
    vi: messages.t('vi', 'clip-failure', { code }),
    en: messages.t('en', 'clip-failure', { code }),
    detail: [error, detail].filter(Boolean).join('\n'),
  };
}
