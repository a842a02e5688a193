// A Zalo user's chat state (language, last village; the numbered menu on the Bot platform), in Redis.
import type { Redis } from 'ioredis';
import type { ChatState } from '../../conversation/types.js';

export interface ZaloChatState extends ChatState {
  /** The Bot platform has no buttons: the actions behind the numbers of the last menu shown. */
  menu?: string[];
  /** Follows the Official Account. */
  following?: boolean;
}

const KEEP_SECONDS = 90 * 24 * 3600;

export function createChatStates(redis: Redis, prefix: string) {
  const key = (chat: string) => `${prefix}:zalo:state:${chat}`;
  return {
    async get(chat: string): Promise<ZaloChatState> {
      const raw = await redis.get(key(chat));
      return raw ? (JSON.parse(raw) as ZaloChatState) : {};
    },
    async set(chat: string, state: ZaloChatState): Promise<void> {
      await redis.set(key(chat), JSON.stringify(state), 'EX', KEEP_SECONDS);
    },
  };
}
