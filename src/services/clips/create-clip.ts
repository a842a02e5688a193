// A received file becomes a Clip: checked to be a video, moved under MEDIA_DIR, queued for processing.
// The same file uploaded again (same SHA-256) is not stored twice: the existing clip is reported instead.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.js';
import { NotAVideoError, probe, videoFacts } from '../../media/probe.js';
import { enqueueClipProcessing } from '../../jobs/queues.js';
import { clipDir, sourceFile } from './clip-files.js';
import type { ClipDeps } from './deps.js';

export interface NewClip {
  tempPath: string;
  originalName: string;
  bytes: number;
  sha256: string;
  title: string;
  description?: string;
  village?: string;
  tags?: string[];
  staffId: string;
  uploadId?: string;
  notifyChatId?: string;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

export type CreatedClip = { clip: { id: string }; duplicateOf?: undefined } | { clip?: undefined; duplicateOf: { id: string; title: string } };

/** `beforeQueue` runs once the clip is recorded, before its job can start (say, to acknowledge it first). */
export async function createClip(deps: ClipDeps, input: NewClip, beforeQueue?: (clip: { id: string; title: string }) => Promise<void>): Promise<CreatedClip> {
  const existing = await deps.prisma.clip.findUnique({ where: { sha256: input.sha256 }, select: { id: true, title: true } });
  if (existing) {
    await rm(input.tempPath, { force: true });
    return { duplicateOf: existing };
  }
  let facts;
  try {
    facts = videoFacts(await probe(deps.binaries.ffprobe, input.tempPath));
  } catch (error) {
    if (error instanceof NotAVideoError) throw new AppError('not_a_video', `Not a playable video: ${error.reason}.`);
    throw error;
  }
  if (input.village && !(await deps.prisma.village.findUnique({ where: { id: input.village }, select: { id: true } }))) {
    throw new AppError('unknown_village', `village: no village "${input.village}" in the handbook`);
  }
  const originalName = safeFileName(input.originalName);
  const extension = /^\.[a-z0-9]{1,5}$/i.test(extname(originalName)) ? extname(originalName).toLowerCase() : '.bin';
  let clip;
  try {
    clip = await deps.prisma.clip.create({
      data: {
        title: input.title,
        description: input.description ?? null,
        villageId: input.village ?? null,
        tags: input.tags ?? [],
        sha256: input.sha256,
        uploadId: input.uploadId ?? null,
        notifyChatId: input.notifyChatId ?? null,
        sourceName: originalName,
        sourceBytes: BigInt(input.bytes),
        durationSec: facts.durationSec,
        width: facts.width,
        height: facts.height,
        uploadedById: input.staffId,
      },
    });
  } catch (error) {
    // The same file, uploaded twice at the same moment: the other upload won.
    if ((error as { code?: string }).code === 'P2002') {
      const winner = await deps.prisma.clip.findUnique({ where: { sha256: input.sha256 }, select: { id: true, title: true } });
      if (winner) {
        await rm(input.tempPath, { force: true });
        return { duplicateOf: winner };
      }
    }
    throw error;
  }
  try {
    await mkdir(clipDir(deps.mediaDir, clip.id), { recursive: true });
    await rename(input.tempPath, sourceFile(deps.mediaDir, clip.id, extension));
    await beforeQueue?.(clip);
    await enqueueClipProcessing(deps.queues, clip.id);
  } catch (error) {
    // Leave nothing half-made: no row without its file or its job.
    await deps.prisma.clip.delete({ where: { id: clip.id } }).catch(() => {});
    await rm(clipDir(deps.mediaDir, clip.id), { recursive: true, force: true });
    throw error;
  }
  deps.logger.info({ clipId: clip.id, bytes: input.bytes }, 'clip received');
  return { clip };
}

/** A sender's file name as we keep it: its last part only, no control characters (PostgreSQL refuses NUL), at most 255. */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean && clean !== '.' && clean !== '..' ? clean : 'upload';
}
