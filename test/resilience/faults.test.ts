// Fault trials on real processes: workers SIGKILLed while they process and publish, Redis stopped and
// brought back empty, PostgreSQL restarted, and a storm of 429s, 500s, timeouts and dropped connections
// from the Bot API. After each: nothing lost, nothing posted twice, no temp file left.
// `npm test` runs them short; `npm run test:resilience` at full size (RESILIENCE=full).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { secretsOf, type Config } from '../../src/config.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { makeTestClip } from '../helpers/media.js';
import { testConfig } from '../helpers/test-env.js';
import { ownRedis, seeded, startWorkers, type OwnRedis, type Workers } from '../helpers/processes.js';
import { size, FULL } from './mode.js';
import { sleep, waitUntil } from '../helpers/wait.js';

const CHANNEL = '-1007770001';
const ZALO_APP_ID = '5566778899';
const ZALO_OA_SECRET = 'faults-oa-secret';
const QUESTION = 'Bát Tràng ở đâu?';
const work = mkdtempSync(join(tmpdir(), 'langnghe-faults-'));
const workerLog = join(work, 'workers.log');
const random = seeded(20261126);

let telegram: FakeTelegram;
let zalo: FakeZalo;
let redis: OwnRedis;
let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let token: string;
let workers: Workers | undefined;
const figures: Record<string, unknown> = {};

// A service may be restarting under the check: an error there means "not yet".
const until = <T>(what: string, check: () => Promise<T | false | undefined>, timeoutMs: number) =>
  waitUntil(check, { what, timeoutMs, everyMs: 200, retryErrors: true });
const api = (path: string, body?: unknown) =>
  fetch(`${app.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function upload(title: string, seed: number) {
  const path = await makeTestClip(join(work, `${seed}.mp4`), { seconds: 2, width: 640, height: 360 });
  const form = new FormData();
  form.append('title', title);
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), `${seed}.mp4`);
  const response = await fetch(`${app.url}/api/clips`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(response.status).toBe(201);
  return (await response.json()).id as string;
}
async function schedule(clipId: string, at: Date) {
  const response = await api('/api/publications', { clipId, target: 'telegram', publishAt: at.toISOString() });
  expect(response.status).toBe(201);
  return (await response.json()).id as string;
}
/** sendVideo calls per clip title: captions start with the title. */
const postsOf = (title: string) => telegram.callsTo('sendVideo').filter((call) => String(call.params.caption).startsWith(`${title}\n`)).length;
/** Staff's part of "unknown": look at the channel, resend what is not there. */
async function resolveUnknown(): Promise<number> {
  const unknown = await prisma.publication.findMany({ where: { state: 'unknown' }, include: { clip: { select: { title: true } } } });
  for (const publication of unknown) {
    if (postsOf(publication.clip.title) === 0) expect((await api(`/api/publications/${publication.id}/resend`, {})).status).toBe(200);
    else await prisma.publication.update({ where: { id: publication.id }, data: { state: 'published' } }); // it is there: staff mark it so
  }
  return unknown.length;
}
let updateId = 1;
const askTelegram = (chatId: number) =>
  fetch(`${app.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'faults-webhook-secret' },
    body: JSON.stringify({
      update_id: updateId++,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private' },
        from: { id: chatId, is_bot: false, first_name: 'Khách' },
        text: QUESTION,
      },
    }),
  });
const askZalo = (userId: string) => {
  const timestamp = String(Date.now());
  const body = JSON.stringify({
    app_id: ZALO_APP_ID,
    event_name: 'user_send_text',
    timestamp,
    sender: { id: userId },
    recipient: { id: 'oa' },
    message: { msg_id: `msg-${userId}-${timestamp}`, text: QUESTION },
  });
  return fetch(`${app.url}/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloSignature(ZALO_APP_ID, body, timestamp, ZALO_OA_SECRET)}` },
    body,
  });
};
const telegramReplies = (chatId: number) => telegram.calls.filter((c) => c.method !== 'sendVideo' && String(c.params.chat_id) === String(chatId)).length;
const zaloReplies = (userId: string) => zalo.sends.filter((s) => s.body?.recipient?.user_id === userId).length;
const tempFiles = () => (readdirSync(config.MEDIA_DIR, { recursive: true }) as string[]).map(String).filter((f) => /(^|\/)tmp-|^uploads\/.|^tus\/./.test(f));

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo({ access: 'faults-zalo-access', refresh: 'unused' });
  redis = await ownRedis();
  config = testConfig({
    REDIS_URL: redis.url,
    MEDIA_DIR: join(work, 'media'),
    TELEGRAM_BOT_TOKEN: '123456:TEST-faults-token',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: 'faults-webhook-secret',
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_CHANNEL_ID: CHANNEL,
    // Replies through the Bot API, not in the webhook's answer: the storm must reach them.
    TELEGRAM_WEBHOOK_REPLY: 'false',
    ZALO_APP_ID: ZALO_APP_ID,
    ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
    ZALO_ACCESS_TOKEN: 'faults-zalo-access',
    ZALO_API_BASE: zalo.url,
    ZALO_OAUTH_BASE: zalo.url,
    JOB_LOCK_SECONDS: '2',
    FFMPEG_PRESET: 'ultrafast',
  });
  prisma = createPrisma(config.DATABASE_URL);
  await prisma.zaloToken.deleteMany();
  app = await startApp(config, 'server');
  token = (await addStaffFor(prisma, 'Fault trials')).token;
});

afterAll(async () => {
  await workers?.stopAll();
  await app?.close();
  await prisma?.$disconnect();
  await redis?.stop();
  await telegram?.close();
  await zalo?.close();
  console.log(`fault trials (${FULL ? 'full' : 'short'}): ${JSON.stringify(figures)}`);
});

const workerEnv = () => ({
  DATABASE_URL: config.DATABASE_URL,
  REDIS_URL: config.REDIS_URL,
  QUEUE_PREFIX: config.QUEUE_PREFIX,
  MEDIA_DIR: config.MEDIA_DIR,
  TELEGRAM_BOT_TOKEN: config.TELEGRAM_BOT_TOKEN!,
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_WEBHOOK_SECRET: config.TELEGRAM_WEBHOOK_SECRET!,
  TELEGRAM_API_ROOT: telegram.url,
  TELEGRAM_CHANNEL_ID: CHANNEL,
  JOB_LOCK_SECONDS: '2',
  FFMPEG_PRESET: 'ultrafast',
  WORKER_CONCURRENCY: '2',
  LOG_LEVEL: 'debug',
});

describe('fault trials', () => {
  it('workers SIGKILLed while processing and publishing: every clip ready, every post sent once, no temp file', { timeout: 600_000 }, async () => {
    workers = startWorkers(2, workerEnv(), workerLog);
    const count = size(4, 20);
    const kills = size(10, 50);
    const titles = new Map<string, string>();
    const publications: string[] = [];
    const start = Date.now();
    for (let i = 0; i < count; i++) {
      const title = `Giết tiến trình ${i}`;
      const clipId = await upload(title, 100 + i);
      titles.set(clipId, title);
      // Due while the killing goes on: some while their clip is still processing.
      publications.push(await schedule(clipId, new Date(start + 4_000 + i * 700)));
    }
    for (let k = 0; k < kills; k++) {
      await sleep(300 + random() * 900);
      workers.killOne(random);
    }
    await until(
      'every clip processed and every publication settled',
      async () => {
        const clips = await prisma.clip.findMany({ where: { id: { in: [...titles.keys()] } }, select: { state: true } });
        const pubs = await prisma.publication.findMany({ where: { id: { in: publications } }, select: { state: true } });
        return clips.every((c) => c.state === 'ready') && pubs.every((p) => ['published', 'unknown'].includes(p.state));
      },
      180_000,
    );
    const unknown = await resolveUnknown();
    await until(
      'resent posts out',
      async () => (await prisma.publication.count({ where: { id: { in: publications }, state: { not: 'published' } } })) === 0,
      60_000,
    );
    const posts = [...titles.values()].map(postsOf);
    expect(posts).toEqual(posts.map(() => 1));
    // A worker killed after recording "ready" leaves its folder to the job's next taker, a lock period later.
    await until('no temp files', async () => tempFiles().length === 0, 20_000).catch(() => undefined);
    expect(tempFiles()).toEqual([]);
    figures.workerKills = {
      kills,
      clips: count,
      clipsLost: count - (await prisma.clip.count({ where: { id: { in: [...titles.keys()] }, state: 'ready' } })),
      duplicatePosts: posts.filter((n) => n > 1).length,
      unknownResolvedByStaff: unknown,
    };
  });

  it(
    'Redis stopped and brought back empty, then flushed: the server stays up, /healthz says 503, every post still sent once',
    { timeout: 300_000 },
    async () => {
      workers ??= startWorkers(2, workerEnv(), workerLog);
      const count = size(4, 12);
      const titles: string[] = [];
      const start = Date.now();
      for (let i = 0; i < count; i++) {
        const title = `Redis khởi động lại ${i}`;
        titles.push(title);
        const clipId = await upload(title, 200 + i);
        await until('clip ready', async () => (await prisma.clip.findUniqueOrThrow({ where: { id: clipId } })).state === 'ready', 60_000);
        await schedule(clipId, new Date(Math.max(Date.now(), start) + 6_000 + i * 400));
      }
      await redis.stop();
      const down = await fetch(`${app.url}/healthz`);
      expect(down.status).toBe(503);
      expect((await down.json()).redis).toMatch(/^down/);
      expect((await fetch(`${app.url}/api/villages`)).status).toBe(200); // PostgreSQL alone still serves the handbook
      await sleep(3_000);
      await redis.start(); // empty: every delayed job is gone
      await until('healthz 200', async () => (await fetch(`${app.url}/healthz`)).status === 200, 30_000);
      await sleep(1_000);
      await redis.flush();
      await until('all sent', async () => titles.every((t) => postsOf(t) >= 1), 90_000);
      await sleep(2_000);
      expect(titles.map(postsOf)).toEqual(titles.map(() => 1));
      figures.redisRestart = {
        publications: count,
        lost: titles.filter((t) => postsOf(t) === 0).length,
        duplicatePosts: titles.filter((t) => postsOf(t) > 1).length,
      };
    },
  );

  it('PostgreSQL restarted: requests meanwhile get 503, then the server and workers carry on by themselves', { timeout: 300_000 }, async () => {
    workers ??= startWorkers(2, workerEnv(), workerLog);
    const cluster = readdirSync('/etc/postgresql')[0]!;
    const ctl = (action: string) =>
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], { stdio: 'ignore' });
    ctl('stop');
    try {
      const villages = await fetch(`${app.url}/api/villages`);
      expect(villages.status).toBe(503);
      expect((await villages.json()).error).toBe('unavailable');
      expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
      await sleep(2_000);
    } finally {
      ctl('start');
    }
    await until('handbook served again', async () => (await fetch(`${app.url}/api/villages`)).status === 200, 60_000);
    const clipId = await upload('Sau khi PostgreSQL trở lại', 300);
    await until('clip ready', async () => (await prisma.clip.findUniqueOrThrow({ where: { id: clipId } })).state === 'ready', 90_000);
    await schedule(clipId, new Date(Date.now() + 1_000));
    await until('posted', async () => postsOf('Sau khi PostgreSQL trở lại') === 1, 60_000);
    figures.postgresRestart = { survived: true };
  });

  it(
    'a storm of 429s, 500s, timeouts and dropped connections from the Bot API and Zalo: every post and answer delivered once afterwards',
    { timeout: 400_000 },
    async () => {
      workers ??= startWorkers(2, workerEnv(), workerLog);
      const count = size(4, 12);
      const titles: string[] = [];
      const clipIds: string[] = [];
      for (let i = 0; i < count; i++) {
        titles.push(`Bão lỗi ${i}`);
        clipIds.push(await upload(titles[i]!, 400 + i));
      }
      await until('clips ready', async () => (await prisma.clip.count({ where: { id: { in: clipIds }, state: 'ready' } })) === count, 90_000);
      // How many messages one answer is, on each side, in calm weather.
      expect((await askTelegram(880000)).status).toBe(200);
      expect((await askZalo('calm-user')).status).toBe(200);
      const perTelegram = await until('a calm Telegram answer', async () => telegramReplies(880000), 20_000);
      const perZalo = await until('a calm Zalo answer', async () => zaloReplies('calm-user'), 20_000);

      const stormMs = size(10_000, 60_000);
      const stormStart = Date.now();
      telegram.storm(stormStart + stormMs, random);
      zalo.storm(stormStart + stormMs, random);
      const chats = Array.from({ length: count }, (_, i) => 880001 + i);
      const users = chats.map((chat) => `storm-user-${chat}`);
      for (let i = 0; i < count; i++) await schedule(clipIds[i]!, new Date(stormStart + 500 + (i * stormMs) / count / 2));
      for (let i = 0; i < count; i++) {
        expect((await askTelegram(chats[i]!)).status).toBe(200);
        expect((await askZalo(users[i]!)).status).toBe(200);
        await sleep(stormMs / count / 2);
      }
      const settled = async () =>
        titles.every((t) => postsOf(t) >= 1) && chats.every((c) => telegramReplies(c) >= perTelegram) && users.every((u) => zaloReplies(u) >= perZalo);
      await until('everything delivered after the storm', settled, stormMs + 180_000).catch((error: Error) => {
        throw new Error(
          `${error.message}: posts ${titles.map(postsOf)}, Telegram answers ${chats.map(telegramReplies)} (of ${perTelegram}), Zalo answers ${users.map(zaloReplies)} (of ${perZalo})`,
        );
      });
      await sleep(3_000);
      const unknown = await resolveUnknown();
      await until('resent posts out', settled, 60_000);
      expect(titles.map(postsOf)).toEqual(titles.map(() => 1));
      expect(chats.map(telegramReplies)).toEqual(chats.map(() => perTelegram));
      expect(users.map(zaloReplies)).toEqual(users.map(() => perZalo));
      figures.apiStorm = {
        seconds: stormMs / 1000,
        failedAnswers: telegram.failures.length + zalo.attempts.filter((a) => a.error === -1).length,
        posts: count,
        telegramAnswers: count,
        zaloAnswers: count,
        lost: 0,
        duplicates:
          titles.filter((t) => postsOf(t) > 1).length +
          chats.filter((c) => telegramReplies(c) > perTelegram).length +
          users.filter((u) => zaloReplies(u) > perZalo).length,
        unknownResolvedByStaff: unknown,
      };
    },
  );

  it("left no secret in any worker's log", async () => {
    await workers?.stopAll();
    workers = undefined;
    const log = readFileSync(workerLog, 'utf8');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of secretsOf(config)) expect(log.includes(secret), secret).toBe(false);
    expect(log.includes(token)).toBe(false);
  });
});
