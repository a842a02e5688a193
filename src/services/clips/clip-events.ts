// "clip.updated": every change of a clip's state or progress, published through Redis so the staff
// console's event stream hears it from whichever worker made it.
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export const clipChannel = (prefix: string) => `${prefix}:clip.updated`;

export function createClipAnnouncer(redis: Redis, prefix: string) {
  return async (clipId: string) => {
    await redis.publish(clipChannel(prefix), clipId).catch(() => {});
  };
}

/**
 * One Redis subscription per process, shared by every open event stream. `subscriber` is a connection of
 * its own (a subscribed connection can do nothing else), best made with lazyConnect: it connects when the
 * first stream listens, so a process without streams never opens it.
 */
export function createClipEventHub(subscriber: Redis, prefix: string) {
  const emitter = new EventEmitter().setMaxListeners(0);
  subscriber.on('error', () => {}); // reconnects by itself; the stream just hears nothing meanwhile
  subscriber.on('message', (_channel, clipId: string) => emitter.emit('clip', clipId));
  let subscribed: Promise<unknown> | undefined;
  return {
    /** Calls `onClip` with the id of every clip that changes; returns a function that stops listening. */
    async listen(onClip: (clipId: string) => void): Promise<() => void> {
      // Failed (closed meanwhile): the next stream tries again.
      subscribed ??= subscriber.subscribe(clipChannel(prefix)).catch((error) => ((subscribed = undefined), Promise.reject(error)));
      await subscribed;
      emitter.on('clip', onClip);
      return () => emitter.off('clip', onClip);
    },
    close: () => subscriber.disconnect(),
  };
}

export type ClipEventHub = ReturnType<typeof createClipEventHub>;
