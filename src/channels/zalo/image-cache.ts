// Images sent on Zalo are uploaded once and sent by attachment_id; Zalo keeps an upload for up to 7 days,
// so the id is reused for 6 (keyed by the image's content hash, shared through Redis).
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ZaloClient } from './client.js';

const KEEP_SECONDS = 6 * 24 * 3600;

export function createImageCache(redis: Redis, prefix: string, client: Pick<ZaloClient, 'uploadImage'>) {
  return {
    async attachmentId(image: Buffer, mimeType: 'image/jpeg' | 'image/png'): Promise<string> {
      const key = `${prefix}:zalo:image:${createHash('sha256').update(image).digest('hex')}`;
      const cached = await redis.get(key);
      if (cached) return cached;
      const id = await client.uploadImage(image, mimeType);
      await redis.set(key, id, 'EX', KEEP_SECONDS);
      return id;
    },
  };
}
