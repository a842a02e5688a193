// bench/publish: 200 publications due within 60 s, sent by a LangNghe worker (`src/main.ts worker`, its
// own process) to a loopback fake Bot API in this process; lateness = when the fake received the
// sendVideo − when the publication was due. Twenty processed clips, ten posts each (the first post of a
// clip uploads it, the others go by file_id, as reposts do).
// Run by hand: `npm run bench:publish`. Target: p99 ≤ 1 s (PeerTube's scheduler polls once a minute).
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startProcess } from './processes.js';
import { loadConfig } from '../src/config.js';
import { createPrisma } from '../src/data/database.js';
import { createQueues } from '../src/jobs/queues.js';
import { resolveBinaries } from '../src/media/binaries.js';
import { createLogger } from '../src/logger.js';
import { ingestClip } from '../src/services/clips/ingest-clip.js';
import { addStaff } from '../src/services/staff/add-staff.js';
import { createRepositories } from '../src/data/repositories.js';
import { schedulePublication } from '../src/services/publishing/schedule-publication.js';
import { startFakeTelegram } from '../test/helpers/fake-telegram.js';
import { makeTestClip } from '../test/helpers/media.js';

const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 200);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_SECONDS ?? 60) * 1000;
const CLIPS = 20;
const CHANNEL = '-1000000000001';
const config = loadConfig();
const databaseUrl = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(config.DATABASE_URL), { pathname: '/langnghe_bench' }).toString();
const dir = join(tmpdir(), 'langnghe-bench-publish');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const prefix = `bench-${randomUUID().slice(0, 8)}`;

const fake = await startFakeTelegram();
const worker = await startProcess(
  'src/main.ts',
  ['worker'],
  {
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    MEDIA_DIR: join(dir, 'media'),
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: '123456:BENCH',
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_CHANNEL_ID: CHANNEL,
    TELEGRAM_MODE: 'off',
  },
  /(LangNghe workers running)/,
);
const prisma = createPrisma(databaseUrl);
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const queues = createQueues(redis, prefix, () => {});
const deps = {
  clips: createRepositories(prisma).clips,
  queues,
  mediaDir: join(dir, 'media'),
  binaries: resolveBinaries(config),
  logger: createLogger({ level: 'silent', secrets: [] }),
};
const staff = await addStaff({ staff: createRepositories(prisma).staff }, { name: 'Bench' });

console.log(`processing ${CLIPS} clips…`);
const clipIds: string[] = [];
for (let i = 0; i < CLIPS; i++) {
  const path = await makeTestClip(join(dir, `clip-${i}.mp4`), { seconds: 2, width: 640, height: 360 + 2 * i });
  // A fresh hash each run: the same test clips are new clips here, so each one's first post uploads.
  const created = await ingestClip(deps, {
    tempPath: path,
    originalName: 'bench.mp4',
    bytes: statSync(path).size,
    sha256: randomUUID(),
    title: `Bench vlog ${i}`,
    staffId: staff.id,
  });
  clipIds.push(created.clip!.id);
}
while ((await prisma.clip.count({ where: { id: { in: clipIds }, state: 'ready' } })) < CLIPS) await new Promise((resolve) => setTimeout(resolve, 200));

const start = Date.now() + 5000;
const scheduleDeps = {
  publications: createRepositories(prisma).publications,
  queues,
  defaultSlots: config.PUBLISH_SLOTS,
  configured: { telegram: true, zalo: false },
  telegramLocalMode: false,
};
const due = new Map<string, number>();
for (let i = 0; i < PUBLICATIONS; i++) {
  const publishAt = new Date(start + Math.round((i / PUBLICATIONS) * WINDOW_MS));
  const p = await schedulePublication(scheduleDeps, { clipId: clipIds[i % CLIPS]!, target: 'telegram', when: publishAt });
  due.set(p.id, publishAt.getTime());
}
console.log(`${PUBLICATIONS} publications due from +5 s over ${WINDOW_MS / 1000} s; waiting…`);
const ids = [...due.keys()];
while ((await prisma.publication.count({ where: { id: { in: ids }, state: { in: ['published', 'failed', 'unknown'] } } })) < PUBLICATIONS) {
  await new Promise((resolve) => setTimeout(resolve, 500));
}
await new Promise((resolve) => setTimeout(resolve, 1000));

const sends = fake.calls.filter((c) => c.method === 'sendVideo');
const receivedAt = new Map(sends.map((c) => [String(c.result?.message_id), c.at]));
const rows = await prisma.publication.findMany({ where: { id: { in: ids } } });
const lateness = rows.map((r) => (receivedAt.get(r.messageId ?? '') ?? NaN) - due.get(r.id)!).sort((a, b) => a - b);
const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))]!;
const published = rows.filter((r) => r.state === 'published').length;
console.log(
  `\npublished ${published}/${PUBLICATIONS}, sendVideo calls ${sends.length} (exactly once: ${sends.length === PUBLICATIONS && published === PUBLICATIONS ? 'yes' : 'NO'}), uploads ${sends.filter((c) => c.files.video).length}`,
);
console.log(
  `lateness (received by the Bot API − due): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${lateness.at(-1)} ms, min ${lateness[0]} ms    target p99 ≤ 1000 ms ${at(0.99) <= 1000 ? 'MET' : 'MISSED'}`,
);

worker.child.kill('SIGTERM');
await queues.close();
redis.disconnect();
await prisma.$disconnect();
await fake.close();
process.exit(0);
