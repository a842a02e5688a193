// An uploaded file becomes a Clip: checked to be a video, moved under MEDIA_DIR, queued for processing.
import { mkdir, rename, rm } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../errors.js';
import { NotAVideoError, probe, videoFacts } from '../../media/probe.js';
import { enqueueClipProcessing } from '../../jobs/queues.js';
import { clipDir, sourceFile } from './clip-files.js';
import type { ClipDeps } from './deps.js';

export interface NewClip {
  tempPath: string;
  originalName: string;
  bytes: number;
  title: string;
  staffId: string;
}

export async function createClip(deps: ClipDeps, input: NewClip) {
  let facts;
  try {
    facts = videoFacts(await probe(deps.binaries.ffprobe, input.tempPath));
  } catch (error) {
    if (error instanceof NotAVideoError) throw new AppError('not_a_video', `Not a playable video: ${error.reason}.`, 422);
    throw error;
  }
  const extension = /^\.[a-z0-9]{1,5}$/i.test(extname(input.originalName)) ? extname(input.originalName).toLowerCase() : '.bin';
  const clip = await deps.prisma.clip.create({
    data: {
      title: input.title,
      sourceName: input.originalName.slice(0, 255),
      sourceBytes: BigInt(input.bytes),
      durationSec: facts.durationSec,
      width: facts.width,
      height: facts.height,
      uploadedById: input.staffId,
    },
  });
  try {
    await mkdir(clipDir(deps.mediaDir, clip.id), { recursive: true });
    await rename(input.tempPath, sourceFile(deps.mediaDir, clip.id, extension));
    await enqueueClipProcessing(deps.queues, clip.id);
  } catch (error) {
    // Leave nothing half-made: no row without its file or its job.
    await deps.prisma.clip.delete({ where: { id: clip.id } }).catch(() => {});
    await rm(clipDir(deps.mediaDir, clip.id), { recursive: true, force: true });
    throw error;
  }
  deps.logger.info({ clipId: clip.id, bytes: input.bytes }, 'clip uploaded');
  return clip;
}
