// The web chat's state (language, last village) in Redis, keyed by the conversation token the browser keeps;
// each turn renews its expiry, so a conversation lasts while it is used.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChatState } from '../../conversation/types.js';

/** A conversation left alone this long is forgotten; the browser then gets a new token. */
export const WEB_CHAT_KEEP_SECONDS = 30 * 24 * 3600;

// 18 random bytes: 144 bits, 24 url-safe characters.
const TOKEN_BYTES = 18;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{24}$/;

export const newConversationToken = () => randomBytes(TOKEN_BYTES).toString('base64url');

/** Could this be a token we issued? Anything else is never looked up. */
export const isConversationToken = (token: string | undefined): token is string => typeof token === 'string' && TOKEN_SHAPE.test(token);

export function createWebChatStates(redis: Redis, prefix: string) {
  const key = (token: string) => `${prefix}:web:state:${token}`;
  return {
    /** The conversation's state, or undefined for a token we never issued or have forgotten. */
    async get(token: string): Promise<ChatState | undefined> {
      if (!isConversationToken(token)) return undefined;
      const raw = await redis.get(key(token));
      return raw ? (JSON.parse(raw) as ChatState) : undefined;
    },
    async set(token: string, state: ChatState): Promise<void> {
      await redis.set(key(token), JSON.stringify(state), 'EX', WEB_CHAT_KEEP_SECONDS);
    },
  };
}

export type WebChatStates = ReturnType<typeof createWebChatStates>;
