// Turns a clip's source into its outputs: 1080p (when the source has it) and 720p H.264/AAC MP4s, a
// poster and thumbnails, from ONE ffmpeg process; loudness measured first, then normalised in that pass.
// Outputs go to a temporary folder and are renamed into place only when all are complete, so a killed or
// retried job never leaves half a set; a retry starts from a clean folder.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';
import { NotAVideoError, probe, videoFacts } from '../../media/probe.js';
import { assessVideo, type ClipLimits, type Rejection, type RejectionCode } from '../../media/assess.js';
import { planRenditions, targetFps } from '../../media/renditions.js';
import { measureLoudness } from '../../media/loudness.js';
import { FfmpegError, runFfmpeg } from '../../media/run-ffmpeg.js';
import { failureDetail } from '../../media/ffmpeg-failure.js';
import { clipDir } from './clip-files.js';
import type { ClipDeps } from './deps.js';

export class ClipRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(`rejected: ${rejection.code}`);
    this.name = 'ClipRejectedError';
  }
}

/** Processing failed (worth retrying): `detail` is ffmpeg's last lines, scrubbed, kept with the clip. */
export class ClipProcessingError extends Error {
  constructor(message: string, readonly detail: string) {
    super(message);
    this.name = 'ClipProcessingError';
  }
}

// ffmpeg's words for a file it cannot read through: bad input, not a reason to try again.
const DAMAGED = /Invalid data found|moov atom not found|partial file|Error while decoding|corrupt|truncat|End of file/i;

export interface ProcessDeps extends ClipDeps {
  limits: ClipLimits;
  encode: { preset: string; threads: number };
  /** Tells watchers (the staff console) that a clip changed. */
  announce?: (clipId: string) => Promise<void>;
  /** The clip is ready: publications that waited for it go now. */
  onReady?: (clipId: string) => Promise<void>;
  /** Takes secrets out of text that is kept or shown (ffmpeg's output of a failure). */
  scrub?: (text: string) => string;
}

const TMP_PREFIX = 'tmp-';

export async function processClip(deps: ProcessDeps, clipId: string, onProgress: (percent: number) => Promise<void> | void) {
  const clip = await deps.prisma.clip.findUnique({ where: { id: clipId } });
  if (!clip) throw new ClipRejectedError({ code: 'unreadable', args: {} });
  const dir = clipDir(deps.mediaDir, clipId);
  const entries = await readdir(dir).catch(() => [] as string[]);
  // A retried or taken-over job starts clean: what an earlier attempt left half-written goes — also when
  // that attempt died after recording "ready" but before removing its folder (found by the kill trials).
  for (const name of entries.filter((n) => n.startsWith(TMP_PREFIX))) await rm(join(dir, name), { recursive: true, force: true });
  if (clip.state === 'ready') return; // a repeated job after success does nothing else
  const source = entries.find((name) => name.startsWith('source.'));
  if (!source) throw new ClipRejectedError({ code: 'unreadable', args: {} });
  await deps.prisma.clip.update({ where: { id: clipId }, data: { state: 'processing', progress: 0, error: null, errorDetail: null, reason: undefined } });
  await deps.announce?.(clipId);

  const input = join(dir, source);
  const started = performance.now();
  // Loudnorm's measuring pass runs beside the probe (it only reads the audio): the job waits for the
  // longer of the two, not both. A file without sound gives no measurement.
  const measuring = measureLoudness(deps.binaries.ffmpeg, input, Math.max(120_000, deps.limits.maxSeconds * 2_000)).then(
    (measured) => ({ measured, error: undefined }),
    (error: Error) => ({ measured: undefined, error }),
  );
  let facts;
  try {
    facts = videoFacts(await probe(deps.binaries.ffprobe, input));
  } catch (error) {
    if (error instanceof NotAVideoError) throw new ClipRejectedError({ code: error.code as RejectionCode, args: {} });
    throw error;
  }
  const rejection = assessVideo(facts, deps.limits);
  if (rejection) throw new ClipRejectedError(rejection);

  const work = join(dir, `${TMP_PREFIX}${randomUUID()}`);
  // Not recursive: a clip deleted meanwhile has no folder, and none is made again for it.
  await mkdir(work);
  try {
    const timeoutMs = Math.max(120_000, facts.durationSec * 20_000);
    const { measured: loudness, error: unmeasured } = await measuring;
    // Without a measurement the clip keeps its own loudness: worth knowing, not worth failing for.
    if (facts.hasAudio && unmeasured) deps.logger.warn({ clipId, err: unmeasured }, 'loudness not measured; audio left as it is');
    const plan = planRenditions(input, work, facts, { ...deps.encode, loudness });
    const encodeStarted = performance.now();
    let encoded;
    try {
      encoded = await runFfmpeg(deps.binaries.ffmpeg, plan.args, { durationSec: facts.durationSec, timeoutMs, cwd: work, onProgress: (percent) => void onProgress(percent) });
    } catch (error) {
      if (error instanceof FfmpegError && DAMAGED.test(error.stderrTail)) throw new ClipRejectedError({ code: 'damaged', args: {} });
      if (!(error instanceof FfmpegError)) throw error;
      const detail = failureDetail(error.stderrTail, { mediaDir: deps.mediaDir, scrub: deps.scrub });
      deps.logger.warn({ clipId, detail }, `clip processing failed: ${error.message}`);
      throw new ClipProcessingError(error.message, detail);
    }
    // ffmpeg reads a truncated file up to where it breaks off and calls that success: the MP4 demuxer says
    // "partial file" when samples lie beyond the end; otherwise count the frames.
    const expectedFrames = targetFps(facts) * facts.videoSec;
    if (/partial file/.test(encoded.stderrTail) || encoded.frames < expectedFrames * 0.95 - 2) {
      deps.logger.warn({ clipId, frames: encoded.frames, expectedFrames, stderr: encoded.stderrTail.slice(-500) }, 'clip source breaks off early');
      throw new ClipRejectedError({ code: 'damaged', args: {} });
    }
    const renditions: Prisma.RenditionCreateManyInput[] = [];
    for (const output of plan.outputs) {
      const { size } = await stat(join(work, output.file)).catch(() => ({ size: 0 }));
      if (!size) throw new ClipRejectedError({ code: 'damaged', args: {} });
      const kind = output.kind === 'thumb' ? output.file.replace('.jpg', '') : output.kind;
      renditions.push({
        clipId,
        kind,
        path: join('clips', clipId, output.file),
        mimeType: output.mimeType,
        width: output.width,
        height: output.height,
        bytes: BigInt(size),
        durationSec: output.mimeType === 'video/mp4' ? facts.durationSec : null,
      });
    }
    // All complete: into place, then recorded.
    for (const output of plan.outputs) await rename(join(work, output.file), join(dir, output.file));
    // The folder goes before "ready" is recorded, so whoever sees a ready clip never finds it half-tidied.
    await rm(work, { recursive: true, force: true });
    await deps.prisma.$transaction([
      deps.prisma.rendition.deleteMany({ where: { clipId } }),
      deps.prisma.rendition.createMany({ data: renditions }),
      deps.prisma.clip.update({ where: { id: clipId }, data: { state: 'ready', progress: 100, error: null, durationSec: facts.durationSec, width: facts.width, height: facts.height } }),
    ]);
    await deps.announce?.(clipId);
    await deps.onReady?.(clipId).catch((error) => deps.logger.warn({ clipId, err: error }, 'could not release the publications waiting for the clip'));
    const seconds = (since: number) => Math.round(performance.now() - since) / 1000;
    deps.logger.info({ clipId, sourceSeconds: facts.durationSec, encodeSeconds: seconds(encodeStarted), totalSeconds: seconds(started) }, 'clip ready');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Records a final failure: rejected for bad input (with its reason), failed when retries ran out. */
export async function markClipFailed(deps: ProcessDeps, clipId: string, state: 'rejected' | 'failed', error: string, reason?: Rejection, detail?: string) {
  await deps.prisma.clip.updateMany({
    where: { id: clipId, state: { not: 'ready' } },
    data: { state, error: error.slice(0, 500), errorDetail: detail ?? null, ...(reason ? { reason: reason as unknown as Prisma.InputJsonValue } : {}) },
  });
  await deps.announce?.(clipId);
}
