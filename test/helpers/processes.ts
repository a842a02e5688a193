// Real processes for the fault trials: a Redis server of the test's own (to stop, restart and flush
// without touching anyone else's) and LangNghe workers started as `src/main.ts worker`, to SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { openSync } from 'node:fs';
import { Redis } from 'ioredis';
import { waitUntil } from './wait.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface OwnRedis {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  flush(): Promise<void>;
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const ping = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };
  const redis: OwnRedis = {
    url,
    async start() {
      // Nothing kept on disk: a restart comes back empty, as a flushed or replaced Redis would.
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      await waitUntil(ping, { timeoutMs: 5_000, what: `redis-server on port ${port} to answer` });
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      child = undefined;
    },
    async flush() {
      const client = new Redis(url);
      await client.flushall();
      client.disconnect();
    },
  };
  await redis.start();
  return redis;
}

export interface Workers {
  /** SIGKILLs one running worker (chosen by `random`) and starts another in its place. */
  killOne(random: () => number): void;
  alive(): number;
  stopAll(): Promise<void>;
}

export function startWorkers(count: number, env: Record<string, string>, logFile: string): Workers {
  const log = openSync(logFile, 'a');
  const running = new Set<ChildProcess>();
  const launch = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], { env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
    running.add(child);
    child.once('exit', () => running.delete(child));
  };
  for (let i = 0; i < count; i++) launch();
  return {
    killOne(random) {
      const list = [...running];
      const victim = list[Math.floor(random() * list.length)];
      victim?.kill('SIGKILL');
      if (victim) running.delete(victim);
      launch();
    },
    alive: () => running.size,
    async stopAll() {
      await Promise.all(
        [...running].map(
          (child) =>
            new Promise((resolve) => {
              child.once('exit', resolve);
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}

/** A repeatable stream of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
