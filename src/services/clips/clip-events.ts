// "clip.updated": every change of a clip's state or progress, published through Redis so the staff
// console's event stream hears it from whichever worker made it.
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

export const clipChannel = (prefix: string) => `${prefix}:clip.updated`;

export function createClipAnnouncer(redis: Redis, prefix: string) {
  return async (clipId: string) => {
    await redis.publish(clipChannel(prefix), clipId).catch(() => {});
  };
}

/** One Redis subscription per server, shared by every open event stream. */
export function createClipEventHub(redisUrl: string, prefix: string) {
  const emitter = new EventEmitter().setMaxListeners(0);
  let subscriber: Redis | undefined;
  const connect = () => {
    subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    subscriber.on('error', () => {}); // reconnects by itself; the stream just hears nothing meanwhile
    subscriber.on('message', (_channel, clipId: string) => emitter.emit('clip', clipId));
    return subscriber.subscribe(clipChannel(prefix));
  };
  return {
    /** Calls `onClip` with the id of every clip that changes; returns a function that stops listening. */
    async listen(onClip: (clipId: string) => void): Promise<() => void> {
      if (!subscriber) await connect();
      emitter.on('clip', onClip);
      return () => emitter.off('clip', onClip);
    },
    close: () => subscriber?.disconnect(),
  };
}
