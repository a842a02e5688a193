// Turns a clip's source into its outputs: 1080p (when the source has it) and 720p H.264/AAC MP4s, a
// poster and thumbnails, from ONE ffmpeg process, which also brings the loudness to -14 LUFS (one pass).
// Outputs go to a temporary folder and are renamed into place only when all are complete, so a killed or
// retried job never leaves half a set; a retry starts from a clean folder.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NewRendition } from '../../data/clip-repository.js';
import type { Messages } from '../../i18n/messages.js';
import { NotAVideoError, probe, videoFacts, type VideoFacts } from '../../media/probe.js';
import { assessVideo, type ClipLimits, type RejectionCode } from '../../media/assess.js';
import { planRenditions, targetFps } from '../../media/renditions.js';
import { FfmpegError, runFfmpeg } from '../../media/run-ffmpeg.js';
import { failureDetail } from '../../media/ffmpeg-failure.js';
import { clipDir } from './clip-files.js';
import { ClipProcessingError, ClipRejectedError } from './clip-errors.js';
import { markClipFailed } from './fail-clip.js';
import type { Announce, ClipDeps } from './deps.js';
import type { Metrics } from '../../observability/metrics.js';

// ffmpeg's words for a file it cannot read through: bad input, not a reason to try again.
const DAMAGED = /Invalid data found|moov atom not found|partial file|Error while decoding|corrupt|truncat|End of file/i;

export interface ProcessDeps extends ClipDeps {
  messages: Messages;
  limits: ClipLimits;
  encode: { preset: string; threads: number };
  announce?: Announce;
  /** The clip is ready: publications that waited for it go now. */
  onReady?: (clipId: string) => Promise<void>;
  /** Takes secrets out of text that is kept or shown (ffmpeg's output of a failure). */
  scrub?: (text: string) => string;
  /** Tells the staff member who sent the clip from a chat how it ended. */
  tellUploader?: (clipId: string) => Promise<void>;
  /** ffmpeg's seconds per clip go here (GET /metrics). */
  metrics?: Pick<Metrics, 'ffmpegRan'>;
}

/**
 * The clip-processing job. `reportProgress` hears the percentage as it is recorded; a bad file is recorded
 * as rejected (its uploader told) and its ClipRejectedError thrown on; other errors are thrown as they are.
 * `known`: the source's facts as the upload's probe found them (the job carries them); else it is probed.
 */
export async function processClip(deps: ProcessDeps, clipId: string, reportProgress?: (percent: number) => Promise<void>, known?: VideoFacts) {
  let reported = -1;
  try {
    await encodeClip(deps, clipId, known, async (percent) => {
      // Every 5 %: enough for a progress bar, few writes.
      if (percent < reported + 5) return;
      reported = percent;
      await reportProgress?.(percent);
      await deps.clips.setProgress(clipId, percent);
      await deps.announce?.(clipId);
    });
    await deps.tellUploader?.(clipId);
  } catch (error) {
    if (error instanceof ClipRejectedError) {
      await markClipFailed(
        deps,
        clipId,
        'rejected',
        deps.messages.t('en', 'clip-rejected', { code: error.rejection.code, ...error.rejection.args }),
        error.rejection,
      );
      await deps.tellUploader?.(clipId);
    }
    throw error;
  }
}

const TMP_PREFIX = 'tmp-';

async function encodeClip(deps: ProcessDeps, clipId: string, known: VideoFacts | undefined, onProgress: (percent: number) => Promise<void> | void) {
  const clip = await deps.clips.findState(clipId);
  if (!clip) throw new ClipRejectedError({ code: 'unreadable', args: {} });
  const dir = clipDir(deps.mediaDir, clipId);
  const entries = await readdir(dir).catch(() => [] as string[]);
  // A retried or taken-over job starts clean: what an earlier attempt left half-written goes — also when
  // that attempt died after recording "ready" but before removing its folder (found by the kill trials).
  for (const name of entries.filter((n) => n.startsWith(TMP_PREFIX))) await rm(join(dir, name), { recursive: true, force: true });
  if (clip.state === 'ready') return; // a repeated job after success does nothing else
  const source = entries.find((name) => name.startsWith('source.'));
  if (!source) throw new ClipRejectedError({ code: 'unreadable', args: {} });
  const input = join(dir, source);
  const started = performance.now();
  // The upload's probe comes with the job; a job put back without it probes while the clip is marked
  // "processing" (the job waits for the longer of the two, not both).
  const probing = known ? Promise.resolve(known) : probe(deps.binaries.ffprobe, input).then(videoFacts);
  probing.catch(() => {}); // awaited below, after the marking, which may fail first
  await deps.clips.markProcessing(clipId);
  await deps.announce?.(clipId);
  let facts: VideoFacts;
  try {
    facts = await probing;
  } catch (error) {
    if (error instanceof NotAVideoError) throw new ClipRejectedError({ code: error.code as RejectionCode, args: {} });
    throw error;
  }
  const probeSeconds = Math.round(performance.now() - started) / 1000;
  const rejection = assessVideo(facts, deps.limits);
  if (rejection) throw new ClipRejectedError(rejection);

  const work = join(dir, `${TMP_PREFIX}${randomUUID()}`);
  // Not recursive: a clip deleted meanwhile has no folder, and none is made again for it.
  await mkdir(work);
  try {
    const timeoutMs = Math.max(120_000, facts.durationSec * 20_000);
    const plan = planRenditions(input, work, facts, deps.encode);
    const encodeStarted = performance.now();
    let encoded;
    try {
      encoded = await runFfmpeg(deps.binaries.ffmpeg, plan.args, {
        durationSec: facts.durationSec,
        timeoutMs,
        cwd: work,
        onProgress: (percent) => void onProgress(percent),
      });
    } catch (error) {
      if (error instanceof FfmpegError && DAMAGED.test(error.stderrTail)) throw new ClipRejectedError({ code: 'damaged', args: {} });
      if (!(error instanceof FfmpegError)) throw error;
      const detail = failureDetail(error.stderrTail, { mediaDir: deps.mediaDir, scrub: deps.scrub });
      deps.logger.warn({ clipId, detail }, `clip processing failed: ${error.message}`);
      throw new ClipProcessingError(error.message, detail);
    } finally {
      // A failed run's seconds were spent too.
      deps.metrics?.ffmpegRan((performance.now() - encodeStarted) / 1000);
    }
    // ffmpeg reads a truncated file up to where it breaks off and calls that success: the MP4 demuxer says
    // "partial file" when samples lie beyond the end; otherwise count the frames.
    const expectedFrames = targetFps(facts) * facts.videoSec;
    if (/partial file/.test(encoded.stderrTail) || encoded.frames < expectedFrames * 0.95 - 2) {
      deps.logger.warn({ clipId, frames: encoded.frames, expectedFrames, stderr: encoded.stderrTail.slice(-500) }, 'clip source breaks off early');
      throw new ClipRejectedError({ code: 'damaged', args: {} });
    }
    const renditions: NewRendition[] = [];
    for (const output of plan.outputs) {
      const { size } = await stat(join(work, output.file)).catch(() => ({ size: 0 }));
      if (!size) throw new ClipRejectedError({ code: 'damaged', args: {} });
      const kind = output.kind === 'thumb' ? output.file.replace('.jpg', '') : output.kind;
      renditions.push({
        kind,
        path: join('clips', clipId, output.file),
        mimeType: output.mimeType,
        width: output.width,
        height: output.height,
        bytes: size,
        durationSec: output.mimeType === 'video/mp4' ? facts.durationSec : null,
      });
    }
    // All complete: into place, then recorded.
    for (const output of plan.outputs) await rename(join(work, output.file), join(dir, output.file));
    // The folder goes before "ready" is recorded, so whoever sees a ready clip never finds it half-tidied.
    await rm(work, { recursive: true, force: true });
    await deps.clips.recordReady(clipId, renditions, { durationSec: facts.durationSec, width: facts.width, height: facts.height });
    await deps.announce?.(clipId);
    await deps.onReady?.(clipId).catch((error) => deps.logger.warn({ clipId, err: error }, 'could not release the publications waiting for the clip'));
    const seconds = (since: number) => Math.round(performance.now() - since) / 1000;
    deps.logger.info(
      { clipId, sourceSeconds: facts.durationSec, probeSeconds, encodeSeconds: seconds(encodeStarted), totalSeconds: seconds(started) },
      'clip ready',
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
