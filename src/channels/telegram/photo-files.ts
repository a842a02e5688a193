// Pictures the bot sends in chats (a vlog's poster on a village card): Telegram cannot fetch them from a
// PUBLIC_URL on localhost or behind a firewall, so each is uploaded from MEDIA_DIR once and then sent by the
// file_id Telegram gave back, kept in Redis so every server process reuses it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputFile } from 'grammy';
import type { Redis } from 'ioredis';

// Only what /media/ serves publicly: a clip's poster and thumbnails.
const MEDIA_PICTURE = /^\/media\/(clips\/[0-9a-f-]{36}\/(?:poster|thumb-\d+)\.jpg)$/;
// A bot's file_ids do not expire; the key lapses only so that pictures no longer shown are forgotten.
const KEEP_SECONDS = 90 * 24 * 3600;

export interface PhotoSource {
  /** A file_id Telegram knows, or the file to upload. */
  media: string | InputFile;
  /** Where its file_id is kept: the picture's path, size and time, so a new poster is uploaded anew. */
  key: string;
}

export interface PhotoFiles {
  /** How to send the picture at this /media/ URL; undefined when it is not one of ours or its file is gone. */
  source(url: string, options?: { upload?: boolean }): Promise<PhotoSource | undefined>;
  /** The file_id Telegram gave for an upload. */
  remember(key: string, fileId: string): Promise<void>;
  /** A file_id Telegram refused: upload next time. */
  forget(key: string): Promise<void>;
}

export function createPhotoFiles(deps: { redis: Redis; keyPrefix: string; mediaDir: string }): PhotoFiles {
  return {
    async source(url, options = {}) {
      const relative = MEDIA_PICTURE.exec(url)?.[1];
      if (!relative) return undefined;
      const path = join(deps.mediaDir, relative);
      const file = await stat(path).catch(() => undefined);
      if (!file?.isFile()) return undefined;
      const key = `${deps.keyPrefix}:telegram:photo:${relative}:${file.size}:${Math.round(file.mtimeMs)}`;
      const fileId = options.upload ? null : await deps.redis.get(key);
      return { media: fileId ?? new InputFile(path), key };
    },
    async remember(key, fileId) {
      await deps.redis.set(key, fileId, 'EX', KEEP_SECONDS);
    },
    async forget(key) {
      await deps.redis.del(key);
    },
  };
}
