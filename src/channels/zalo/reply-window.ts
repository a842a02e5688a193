// Zalo's rules for writing to a user: replies carry the user's last message id; at most 8 replies per
// message within 48 hours; nothing unasked. A window error from Zalo stops all sending to the user until
// they write again. Kept in Redis, shared by every process.
import type { Redis } from 'ioredis';

export const MAX_REPLIES = 8;
const WINDOW_MS = 48 * 3600 * 1000;

export interface ReplyWindow {
  /** The user wrote (message id `msgId`): the window opens anew. */
  opened(userId: string, msgId: string): Promise<void>;
  /** The message id to quote for the next reply, or undefined when no reply is allowed now. */
  claim(userId: string): Promise<string | undefined>;
  /** Zalo refused for a window reason: say nothing more until the user writes. */
  close(userId: string): Promise<void>;
}

export function createReplyWindow(redis: Redis, prefix: string): ReplyWindow {
  const key = (userId: string) => `${prefix}:zalo:window:${userId}`;
  return {
    async opened(userId, msgId) {
      await redis.multi().hset(key(userId), { msgId, at: Date.now(), replies: 0, closed: 0 }).pexpire(key(userId), WINDOW_MS).exec();
    },
    async claim(userId) {
      const window = await redis.hgetall(key(userId));
      if (!window.msgId || window.closed === '1' || Date.now() - Number(window.at) > WINDOW_MS) return undefined;
      // Counted atomically, so that parallel replies cannot exceed the quota together.
      const replies = await redis.hincrby(key(userId), 'replies', 1);
      return replies <= MAX_REPLIES ? window.msgId : undefined;
    },
    async close(userId) {
      await redis.hset(key(userId), 'closed', 1);
    },
  };
}
