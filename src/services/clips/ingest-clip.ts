// A received file becomes a Clip: checked to be a video, moved under MEDIA_DIR, queued for processing.
// The same file uploaded again (same SHA-256) is not stored twice: the existing clip is reported instead.
// Every way in (multipart, tus, Telegram) receives the file to disk its own way, then comes here.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.js';
import { NotAVideoError, probe, videoFacts } from '../../media/probe.js';
import { enqueueClipProcessing } from '../../jobs/queues.js';
import { clipDir, sourceFile, uploadsDir } from './clip-files.js';
import type { ClipDeps } from './deps.js';

export interface ReceivedClip {
  /** The file as received, on disk; moved into the clip, or removed when it is a duplicate. */
  tempPath: string;
  originalName: string;
  /** Measured from the file when the edge did not count them while receiving it. */
  bytes?: number;
  /** Hashed from the file when the edge did not hash it while receiving it. */
  sha256?: string;
  title: string;
  description?: string;
  village?: string;
  tags?: string[];
  /** Captions to burn into the Telegram video once the clip has them. */
  burnCaptions?: 'vi' | 'en';
  staffId: string;
  uploadId?: string;
  notifyChatId?: string;
  /** Runs once the clip is recorded, before its job can start (say, to acknowledge it first). */
  beforeQueue?: (clip: { id: string; title: string }) => Promise<void>;
}

export type IngestedClip = { clip: { id: string }; duplicateOf?: undefined } | { clip?: undefined; duplicateOf: { id: string; title: string } };

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** A fresh path under MEDIA_DIR/uploads for an edge to receive a file into (swept if left behind). */
export async function receivingPath(deps: Pick<ClipDeps, 'mediaDir'>): Promise<string> {
  await mkdir(uploadsDir(deps.mediaDir), { recursive: true });
  return join(uploadsDir(deps.mediaDir), `${randomUUID()}.part`);
}

export async function ingestClip(deps: ClipDeps, input: ReceivedClip): Promise<IngestedClip> {
  const bytes = input.bytes ?? (await stat(input.tempPath)).size;
  const sha256 = input.sha256 ?? (await sha256OfFile(input.tempPath));
  const existing = await deps.clips.findBySha256(sha256);
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
  if (input.village && !(await deps.clips.villageExists(input.village))) {
    throw new AppError('unknown_village', `village: no village "${input.village}" in the handbook`);
  }
  const originalName = safeFileName(input.originalName);
  const extension = /^\.[a-z0-9]{1,5}$/i.test(extname(originalName)) ? extname(originalName).toLowerCase() : '.bin';
  const recorded = await deps.clips.insert({
    title: input.title,
    description: input.description ?? null,
    villageId: input.village ?? null,
    tags: input.tags ?? [],
    burnCaptions: input.burnCaptions ?? null,
    sha256,
    uploadId: input.uploadId ?? null,
    notifyChatId: input.notifyChatId ?? null,
    sourceName: originalName,
    sourceBytes: bytes,
    durationSec: facts.durationSec,
    width: facts.width,
    height: facts.height,
    uploadedById: input.staffId,
  });
  // The same file, uploaded twice at the same moment: the other upload won.
  if (recorded.duplicateOf) {
    await rm(input.tempPath, { force: true });
    return { duplicateOf: recorded.duplicateOf };
  }
  const { clip } = recorded;
  try {
    await mkdir(clipDir(deps.mediaDir, clip.id), { recursive: true });
    await rename(input.tempPath, sourceFile(deps.mediaDir, clip.id, extension));
    await input.beforeQueue?.(clip);
    await enqueueClipProcessing(deps.queues, clip.id, facts);
  } catch (error) {
    // Leave nothing half-made: no row without its file or its job.
    await deps.clips.delete(clip.id).catch(() => {});
    await rm(clipDir(deps.mediaDir, clip.id), { recursive: true, force: true });
    throw error;
  }
  deps.logger.info({ clipId: clip.id, bytes }, 'clip received');
  return { clip };
}

/** A sender's file name as we keep it: its last part only, no control characters (PostgreSQL refuses NUL), at most 255. */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const clean = last
    // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean && clean !== '.' && clean !== '..' ? clean : 'upload';
}
