// The chats' sessions in our shared Redis, under our prefix, with a 90-day TTL. grammY writes back every
// session it read; one that comes back unchanged is not written again. The JSON read is kept as read and each
// session is stringified once when written: on the webhook's hot path (issue 20) @grammyjs/storage-redis's
// adapter, wrapped to compare, parsed and stringified each session three times.
import type { StorageAdapter } from 'grammy';
import type { Redis } from 'ioredis';

export function redisSessionStorage<T>(redis: Redis, prefix: string, ttlSeconds: number): StorageAdapter<T> {
  const asRead = new Map<string, string | null>();
  return {
    async read(key) {
      const json = await redis.get(prefix + key);
      asRead.set(key, json);
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    async write(key, value) {
      const before = asRead.get(key);
      asRead.delete(key);
      const json = JSON.stringify(value);
      if (json !== before) await redis.set(prefix + key, json, 'EX', ttlSeconds);
    },
    async delete(key) {
      asRead.delete(key);
      await redis.del(prefix + key);
    },
  };
}
