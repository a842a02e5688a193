// bench/footprint: what `npm start` costs a newcomer's machine — the time from the command to a healthy
// /healthz, and the resident memory (RSS) of the whole process tree it leaves running (npm, the shell, the
// server and workers), idle and after a webhook load of BENCH_UPDATES Telegram updates (answered through a
// loopback fake Bot API). Run by hand: `npm run bench:footprint` (after `npm run build` for a fair start).
// Targets (issue 20): start to healthy ≤ 3 s once built; the whole tree ≤ 250 MB idle and after the load.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { startProcess } from './processes.js';
import { postTelegramUpdates } from './rounds.js';

const SECRET = 'bench-secret';
const UPDATES = Number(process.env.BENCH_UPDATES ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3987);

/** The process and all its descendants, with their resident memory in MB. */
function tree(root: number): Array<{ pid: number; name: string; rssMb: number; pssMb: number }> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))![1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: Array<{ pid: number; name: string; rssMb: number; pssMb: number }> = [];
  const visit = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
      // PSS: pages shared between processes (the node binary under npm and under the server) counted once in all.
      const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024;
      const name = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 70);
      out.push({ pid, name, rssMb: rss, pssMb: pss });
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return out;
}

function report(label: string, root: number) {
  const processes = tree(root);
  const total = processes.reduce((sum, p) => sum + p.rssMb, 0);
  const pss = processes.reduce((sum, p) => sum + p.pssMb, 0);
  console.log(
    `${label}: RSS ${total.toFixed(0)} MB in ${processes.length} processes (target ≤ 250 MB: ${total <= 250 ? 'met' : 'MISSED'}); PSS ${pss.toFixed(0)} MB`,
  );
  for (const p of processes) console.log(`  RSS ${p.rssMb.toFixed(0).padStart(4)} MB, PSS ${p.pssMb.toFixed(0).padStart(4)} MB  ${p.name}`);
  return total;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fake = await startProcess('bench/fake-bot-api.ts', [], {}, /FAKE (\S+)/);
const command = (process.env.BENCH_START ?? 'npm start').split(' ');
const started = performance.now();
const app = spawn(command[0]!, command.slice(1), {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: '123456:BENCH',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.url,
  },
  stdio: ['ignore', 'ignore', 'inherit'],
  // Its own process group: stopping it stops npm and everything under it.
  detached: true,
});
const base = `http://127.0.0.1:${PORT}`;
for (;;) {
  if (app.exitCode !== null) throw new Error(`${command.join(' ')} exited (${app.exitCode}) before it was healthy`);
  const healthy = await fetch(`${base}/healthz`)
    .then((r) => r.ok)
    .catch(() => false);
  if (healthy) break;
  if (performance.now() - started > 120_000) throw new Error('not healthy in 120 s');
  await sleep(25);
}
const seconds = (performance.now() - started) / 1000;
console.log(`\`${command.join(' ')}\` to a healthy /healthz: ${seconds.toFixed(2)} s (target ≤ 3 s: ${seconds <= 3 ? 'met' : 'MISSED'})`);
await sleep(5000);
report('idle', app.pid!);

await postTelegramUpdates(base, SECRET, UPDATES);
await sleep(5000);
report(`after ${UPDATES} webhook updates`, app.pid!);
process.kill(-app.pid!, 'SIGTERM');
fake.child.kill('SIGTERM');
await sleep(500);
process.exit(0);
