// The captions job: a ready clip that asks for its captions burned into the Telegram video (burnCaptions)
// and has them gets its 720p redrawn with them (720p-captions-<lang>.mp4). It runs when captions arrive,
// when the choice is made and when processing finishes; whatever it finds already done, it leaves. Captions
// replaced while it burns are noticed when it records, and it burns again from the new ones.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { planCaptionBurn } from '../../media/burn-captions.js';
import { FfmpegError, runFfmpeg } from '../../media/run-ffmpeg.js';
import { burnedFileName, clipMediaPath } from './caption-files.js';
import type { CaptionDeps } from './deps.js';

export type BurnOutcome = 'burned' | 'current' | 'nothing_to_burn';

// Captions replaced this many times during one job: the next job (queued by the last PUT) carries on.
const MAX_ROUNDS = 3;

export async function burnCaptions(deps: CaptionDeps, clipId: string): Promise<BurnOutcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const target = await deps.captions.burnTarget(clipId);
    if (!target || target.state !== 'ready' || !target.lang || !target.caption || !target.plain) return 'nothing_to_burn';
    if (target.burned) return 'current';
    const { lang, caption, plain } = target;
    const dir = join(deps.mediaDir, 'clips', clipId);
    // "tmp-": the media sweeper removes what a killed job leaves.
    const work = join(dir, `tmp-${randomUUID()}`);
    await mkdir(work);
    try {
      // A copy inside the working folder: the filter graph names it without a path to escape.
      await copyFile(join(deps.mediaDir, caption.path), join(work, 'captions.vtt'));
      const plan = planCaptionBurn(join(deps.mediaDir, plain.path), work, {
        captionsFile: 'captions.vtt',
        width: plain.width,
        height: plain.height,
        ...deps.encode,
      });
      const started = performance.now();
      try {
        await runFfmpeg(deps.binaries.ffmpeg, plan.args, {
          durationSec: plain.durationSec ?? 1,
          timeoutMs: Math.max(120_000, (plain.durationSec ?? 60) * 20_000),
          cwd: work,
        });
      } catch (error) {
        if (error instanceof FfmpegError) deps.logger.warn({ clipId, lang, stderr: error.stderrTail.slice(-800) }, 'burning captions failed');
        throw error;
      } finally {
        deps.metrics?.ffmpegRan((performance.now() - started) / 1000);
      }
      const { size } = await stat(join(work, plan.output));
      const path = clipMediaPath(clipId, burnedFileName(lang));
      await rename(join(work, plan.output), join(deps.mediaDir, path));
      const recorded = await deps.captions.recordBurned(clipId, lang, caption.updatedAt, {
        path,
        width: plain.width,
        height: plain.height,
        bytes: size,
        durationSec: plain.durationSec,
      });
      if (!recorded) continue; // new captions meanwhile: burn those
      await deps.announce?.(clipId);
      await deps
        .onBurned?.(clipId)
        .catch((error) => deps.logger.warn({ clipId, err: error }, 'could not release the publications waiting for the burned video'));
      deps.logger.info({ clipId, lang, cues: caption.cues, seconds: Math.round(performance.now() - started) / 1000 }, 'captions burned into the 720p');
      return 'burned';
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return 'nothing_to_burn';
}
