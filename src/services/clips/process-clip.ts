// Turns a clip's source into its outputs (a 720p H.264/AAC MP4 and a poster JPEG) and records them.
// Outputs go to a temporary folder and are renamed into place only when complete.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotAVideoError, probe, videoFacts } from '../../media/probe.js';
import { planRenditions } from '../../media/renditions.js';
import { runFfmpeg } from '../../media/run-ffmpeg.js';
import { clipDir } from './clip-files.js';
import type { ClipDeps } from './deps.js';

export class ClipRejectedError extends Error {
  name = 'ClipRejectedError';
}

export async function processClip(deps: ClipDeps, clipId: string, onProgress: (percent: number) => Promise<void> | void) {
  const clip = await deps.prisma.clip.findUnique({ where: { id: clipId } });
  if (!clip) throw new ClipRejectedError(`clip ${clipId} no longer exists`);
  if (clip.state === 'ready') return; // a repeated job after success does nothing

  const dir = clipDir(deps.mediaDir, clipId);
  const source = (await readdir(dir)).find((name) => name.startsWith('source.'));
  if (!source) throw new ClipRejectedError('the uploaded file is missing');
  await deps.prisma.clip.update({ where: { id: clipId }, data: { state: 'processing', progress: 0, error: null } });

  let facts;
  try {
    facts = videoFacts(await probe(deps.binaries.ffprobe, join(dir, source)));
  } catch (error) {
    if (error instanceof NotAVideoError) throw new ClipRejectedError(error.reason);
    throw error;
  }

  const work = join(dir, 'tmp');
  await rm(work, { recursive: true, force: true }); // a retried job starts clean
  await mkdir(work, { recursive: true });
  const plan = planRenditions(join(dir, source), work, facts);
  try {
    await runFfmpeg(deps.binaries.ffmpeg, plan.args, {
      durationSec: facts.durationSec,
      timeoutMs: Math.max(120_000, facts.durationSec * 20_000),
      onProgress: (percent) => void onProgress(percent),
    });
    const renditions = [];
    for (const output of plan.outputs) {
      const name = output.file.slice(work.length + 1);
      await rename(output.file, join(dir, name));
      const { size } = await stat(join(dir, name));
      renditions.push({
        kind: output.kind,
        path: join('clips', clipId, name),
        mimeType: output.mimeType,
        width: output.width,
        height: output.height,
        bytes: BigInt(size),
        durationSec: output.kind === 'poster' ? null : facts.durationSec,
      });
    }
    await deps.prisma.$transaction([
      deps.prisma.rendition.deleteMany({ where: { clipId } }),
      deps.prisma.rendition.createMany({ data: renditions.map((r) => ({ ...r, clipId })) }),
      deps.prisma.clip.update({ where: { id: clipId }, data: { state: 'ready', progress: 100, error: null } }),
    ]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Records a final failure: rejected for bad input, failed when retries ran out. */
export async function markClipFailed(deps: ClipDeps, clipId: string, state: 'rejected' | 'failed', reason: string) {
  await deps.prisma.clip.updateMany({ where: { id: clipId }, data: { state, error: reason.slice(0, 500) } });
}
