// Keeps a server process's engine on the phrasings in PostgreSQL: loaded at start, reloaded when any process
// announces a change (Redis pub/sub, on a connection of its own), and every 10 s in case a message was lost
// (Redis restarted). The engine is handed the list; it never reads the database itself.
import type { Redis } from 'ioredis';
import type { LearnedEntry } from '../../content/schema.js';
import type { Logger } from '../../logger.js';

export const learnedChannel = (prefix: string) => `${prefix}:learned-phrasings`;
export const LEARNED_RELOAD_MS = 10_000;

/** Tells every server process that the phrasings changed. */
export const createLearnedAnnouncer = (redis: Redis, prefix: string) => async () => {
  // Lost only while Redis is away; the periodic reload catches up.
  await redis.publish(learnedChannel(prefix), 'changed').catch(() => {});
};

export interface LearnedSyncDeps {
  load(): Promise<LearnedEntry[]>;
  apply(phrasings: LearnedEntry[]): void;
  /** A connection of its own: a subscribed connection can do nothing else. */
  subscriber: Redis;
  prefix: string;
  logger: Logger;
  reloadMs?: number;
}

export interface LearnedSync {
  /** Loads the phrasings and hands them to the engine; reloads asked for meanwhile run once more after. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function startLearnedSync(deps: LearnedSyncDeps): Promise<LearnedSync> {
  let applied = '';
  let running: Promise<void> | undefined;
  let again = false;

  async function loadOnce() {
    const phrasings = await deps.load();
    const signature = JSON.stringify(phrasings);
    // The periodic reload finds nothing new most of the time: the engine's index is rebuilt only on change.
    if (signature !== applied) {
      deps.apply(phrasings);
      applied = signature;
      deps.logger.debug({ phrasings: phrasings.length }, 'learned phrasings loaded');
    }
  }

  function reload(): Promise<void> {
    if (running) {
      // The running load may have read the table before this change: it goes round once more.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await loadOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  const quietly = () => reload().catch((error) => deps.logger.warn({ err: error }, 'could not reload the learned phrasings'));

  deps.subscriber.on('error', () => {}); // reconnects by itself; the timer covers the gap
  deps.subscriber.on('message', () => void quietly());
  // Not waited for (Redis may be away at start); ioredis subscribes again after a reconnect, the timer covers the gap.
  deps.subscriber.subscribe(learnedChannel(deps.prefix)).catch((error) => deps.logger.warn({ err: error }, 'could not subscribe to learned phrasings'));
  await reload();
  const timer = setInterval(() => void quietly(), deps.reloadMs ?? LEARNED_RELOAD_MS);
  timer.unref();

  return {
    reload,
    async close() {
      clearInterval(timer);
      deps.subscriber.disconnect();
      await running?.catch(() => {});
    },
  };
}
