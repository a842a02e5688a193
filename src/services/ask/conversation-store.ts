// What the engine remembers per conversation (the last village talked about), kept in Redis for an
// hour so every server process shares it. Without Redis the bot still answers, only without memory.
import type { Redis } from 'ioredis';
import type { AskContext } from '../../ask/engine.js';

export interface ConversationStore {
  get(id: string): Promise<AskContext>;
  set(id: string, context: AskContext): Promise<void>;
}

const TTL_SECONDS = 3600;

export function createRedisConversationStore(redis: Redis, prefix: string): ConversationStore {
  const key = (id: string) => `${prefix}:conversation:${id}`;
  return {
    async get(id) {
      try {
        const raw = await redis.get(key(id));
        return raw ? (JSON.parse(raw) as AskContext) : {};
      } catch {
        return {};
      }
    },
    async set(id, context) {
      try {
        await redis.set(key(id), JSON.stringify(context), 'EX', TTL_SECONDS);
      } catch {
        // Memory is a nicety; the answer has already been given.
      }
    },
  };
}
