// The question log end to end: questions through Telegram, Zalo, the web chat and /api/ask land in the real
// PostgreSQL with their channel, intent and entries and a keyed hash instead of the chat; artisans' status
// questions as the intent only; QUESTION_LOG=off keeps nothing; the daily purge; the key made once and reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { createQueues, jobIdFor } from '../../src/jobs/queues.js';
import { createLogger } from '../../src/logger.js';
import { secretsOf } from '../../src/config.js';
import { visitorHash } from '../../src/services/question-log/question-log.js';
import { createQuestionRepository } from '../../src/data/question-repository.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { testConfig, TEST_DATABASE_URL } from '../helpers/test-env.js';
import { waitUntil } from '../helpers/wait.js';

const TG_SECRET = 'telegram-webhook-secret';
const ZALO_APP_ID = '2553928453557884079';
const ZALO_OA_SECRET = 'oa-secret-for-tests';
let prisma: PrismaClient;
let telegram: FakeTelegram;
let zalo: FakeZalo;
let app: RunningApp;
let updateId = 1;

const rowsOf = (where: Record<string, unknown>) => prisma.question.findMany({ where, orderBy: { id: 'asc' } });
/** Waits for `count` rows: the recorder writes about once a second, off the answer's path. */
const waitForRows = (where: Record<string, unknown>, count: number) =>
  waitUntil(
    async () => {
      const rows = await rowsOf(where);
      return rows.length >= count && rows;
    },
    { what: `${count} logged questions` },
  );

const tg = (update: unknown) =>
  fetch(`${app.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    body: JSON.stringify(update),
  });
const tgText = (chatId: number, text: string) => ({
  update_id: updateId++,
  message: {
    message_id: updateId,
    date: 1_700_000_000,
    chat: { id: chatId, type: 'private' },
    from: { id: chatId, is_bot: false, first_name: 'Lan', language_code: 'en' },
    text,
    ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
  },
});
async function zaloText(user: string, text: string) {
  const timestamp = String(Date.now());
  const raw = JSON.stringify({
    app_id: ZALO_APP_ID,
    sender: { id: user },
    recipient: { id: '3662729599332560487' },
    timestamp,
    event_name: 'user_send_text',
    message: { text, msg_id: `msg-${updateId++}` },
  });
  const response = await fetch(`${app.url}/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloSignature(ZALO_APP_ID, raw, timestamp, ZALO_OA_SECRET)}` },
    body: raw,
  });
  expect(response.status).toBe(200);
  await app.settled();
}
const post = async (base: string, path: string, body: unknown) => {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

beforeAll(async () => {
  prisma = createPrisma(TEST_DATABASE_URL);
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo();
  app = await startApp(
    testConfig({
      TELEGRAM_BOT_TOKEN: '123456:TEST-telegram-token',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_REPLY: 'false',
      ZALO_APP_ID,
      ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
      ZALO_APP_SECRET_KEY: 'app-secret-for-tests',
      ZALO_ACCESS_TOKEN: 'access-0',
      ZALO_REFRESH_TOKEN: 'refresh-0',
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      PUBLIC_URL: 'https://langnghe.example',
    }),
    'server',
  );
  // The tests' own database: start from an empty log.
  await prisma.question.deleteMany();
});
afterAll(async () => {
  await app?.close();
  await telegram?.close();
  await zalo?.close();
  await prisma?.$disconnect();
});

describe('questions from every channel', () => {
  it('Telegram: the question as written and folded, its intent and entries, and a visitor that is not the chat', async () => {
    const lan = 987_654_321;
    const minh = 912_345_678;
    expect((await tg(tgText(lan, 'Where is Bat Trang village?'))).status).toBe(200);
    expect((await tg(tgText(lan, 'Where is Bat Trang village?'))).status).toBe(200);
    expect((await tg(tgText(minh, 'Where is Bat Trang village?'))).status).toBe(200);
    const rows = await waitForRows({ channel: 'telegram', intent: 'village' }, 3);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({
        channel: 'telegram',
        lang: 'en',
        text: 'Where is Bat Trang village?',
        folded: 'where is bat trang village',
        intent: 'village',
        unknown: false,
      });
      expect(row.entries[0]).toBe('village:bat-trang');
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
      expect(row.visitor).toMatch(/^[0-9a-f]{32}$/);
      expect(row.visitor).not.toContain(String(lan));
      expect(row.visitor).not.toContain(String(minh));
    }
    // The same chat twice: one visitor; another chat: another.
    expect(rows[0]!.visitor).toBe(rows[1]!.visitor);
    expect(rows[2]!.visitor).not.toBe(rows[0]!.visitor);
    // The id appears in no column of the row.
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(String(lan));
  });

  it('Telegram: an artisan asking about their own status is logged as the intent only, never their words', async () => {
    const chat = 955_555_555;
    expect((await tg(tgText(chat, '/status'))).status).toBe(200);
    expect((await tg(tgText(chat, 'What about my application?'))).status).toBe(200);
    const rows = await waitForRows({ intent: 'artisan-status' }, 2);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ channel: 'telegram', text: null, folded: null, entries: [], unknown: false });
    expect(await prisma.question.count({ where: { text: { contains: 'application' } } })).toBe(0);
  });

  it('Zalo: a question on the Official Account, with a keyed hash of the user', async () => {
    const user = '4000000000000000123';
    await zaloText(user, 'Làng gốm Bát Tràng ở đâu?');
    const [row] = await waitForRows({ channel: 'zalo' }, 1);
    expect(row).toMatchObject({
      channel: 'zalo',
      lang: 'vi',
      text: 'Làng gốm Bát Tràng ở đâu?',
      folded: 'lang gom bat trang o dau',
      intent: 'village',
      unknown: false,
    });
    expect(row!.entries).toContain('village:bat-trang');
    expect(row!.visitor).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.visitor).not.toContain(user);
  });

  it('the web chat: one conversation is one visitor, another is another; buttons pressed are not questions', async () => {
    const first = await post(app.url!, '/api/chat', { text: 'Where is Bat Trang?', lang: 'en' });
    expect(first.status).toBe(200);
    await post(app.url!, '/api/chat', { conversation: first.body.conversation, action: 'v:bat-trang' });
    await post(app.url!, '/api/chat', { conversation: first.body.conversation, text: 'How do I get there?' });
    const other = await post(app.url!, '/api/chat', { text: 'Where is Bat Trang?', lang: 'en' });
    expect(other.status).toBe(200);
    const rows = await waitForRows({ channel: 'web' }, 3);
    expect(rows.map((r) => r.text)).toEqual(['Where is Bat Trang?', 'How do I get there?', 'Where is Bat Trang?']);
    expect(rows[0]!.entries).toContain('village:bat-trang');
    expect(rows[1]!.visitor).toBe(rows[0]!.visitor);
    expect(rows[2]!.visitor).not.toBe(rows[0]!.visitor);
    expect(rows[0]!.visitor).not.toContain(first.body.conversation.slice(0, 8));
  });

  it('/api/ask: channel api, a visitor for a conversation and none without; an unknown question is marked unknown', async () => {
    expect((await post(app.url!, '/api/ask', { text: 'Where is Bat Trang?', conversation: 'partner-conv-1' })).status).toBe(200);
    expect((await post(app.url!, '/api/ask', { text: 'zxqv blorp flimflam?' })).body).toMatchObject({ intent: 'unknown' });
    const rows = await waitForRows({ channel: 'api' }, 2);
    expect(rows[0]).toMatchObject({ intent: 'village', unknown: false });
    expect(rows[0]!.entries).toContain('village:bat-trang');
    expect(rows[0]!.visitor).toMatch(/^[0-9a-f]{32}$/);
    expect(rows[0]!.visitor).not.toContain('partner');
    expect(rows[1]).toMatchObject({
      intent: 'unknown',
      unknown: true,
      entries: [],
      visitor: null,
      text: 'zxqv blorp flimflam?',
      folded: 'zxqv blorp flimflam',
    });
  });
});

describe('a batch', () => {
  it("is written whole, a visitor's NUL or lone surrogate included (cleaned), every field as recorded", async () => {
    const mark = `batch-${Date.now()}`;
    const visitor = 'ab'.repeat(16);
    const askedAt = new Date('2026-12-01T03:04:05.678Z');
    const row = { askedAt, channel: 'api' as const, lang: 'en', intent: 'unknown', entries: [] as string[], unknown: true, latencyMs: 1.4, visitor: null };
    const written = await createQuestionRepository(prisma).insertMany([
      { ...row, text: `${mark} a\u0000b`, folded: `${mark} ab` },
      {
        ...row,
        text: `${mark} x\ud800y 😀`,
        folded: null,
        intent: 'village',
        entries: ['village:bat-trang', 'route:r1'],
        unknown: false,
        latencyMs: 2.6,
        visitor,
      },
    ]);
    expect(written).toBe(2);
    const rows = await prisma.question.findMany({ where: { text: { startsWith: mark } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.text)).toEqual([`${mark} ab`, `${mark} x\uFFFDy 😀`]);
    expect(rows[0]).toMatchObject({
      askedAt,
      channel: 'api',
      lang: 'en',
      folded: `${mark} ab`,
      intent: 'unknown',
      entries: [],
      unknown: true,
      latencyMs: 1,
      visitor: null,
    });
    expect(rows[1]).toMatchObject({ folded: null, intent: 'village', entries: ['village:bat-trang', 'route:r1'], unknown: false, latencyMs: 3, visitor });
  });
});

describe('QUESTION_LOG=off', () => {
  it('records nothing, and the answers are the same', async () => {
    const off = await startApp(testConfig({ QUESTION_LOG: 'off' }), 'server');
    const answer = await post(off.url!, '/api/ask', { text: 'Where is Bat Trang? (log off)', conversation: 'off-conv' });
    const chat = await post(off.url!, '/api/chat', { text: 'Where is Bat Trang? (log off)' });
    await off.close(); // a recorder would write what it holds on close
    expect(answer.body).toMatchObject({ intent: 'village' });
    expect(chat.status).toBe(200);
    expect(await prisma.question.count({ where: { text: { contains: '(log off)' } } })).toBe(0);
  });
});

describe('the daily purge', () => {
  it('is scheduled by the workers, and deletes what is older than QUESTION_LOG_DAYS, keeping the rest', async () => {
    const config = testConfig({ QUESTION_LOG_DAYS: '30' });
    const day = 24 * 3600_000;
    const row = (text: string, daysAgo: number) => ({
      askedAt: new Date(Date.now() - daysAgo * day),
      channel: 'api',
      lang: 'en',
      text,
      folded: text,
      intent: 'unknown',
      unknown: true,
      latencyMs: 1,
    });
    await prisma.question.createMany({ data: [row('purge old', 31), row('purge older', 200), row('purge recent', 29), row('purge today', 0)] });
    const worker = await startApp(config, 'worker');
    const queues = createQueues(
      await import('ioredis').then(({ Redis }) => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null })),
      config.QUEUE_PREFIX,
      () => {},
    );
    try {
      const scheduler = await waitUntil(() => queues.maintenance.getJobScheduler(jobIdFor.maintenance({ task: 'purge-questions' })), {
        what: 'the purge scheduled',
      });
      expect(scheduler).toMatchObject({ pattern: '30 3 * * *', tz: 'Asia/Ho_Chi_Minh' });
      // Run today's purge now rather than at half past three.
      await queues.maintenance.add('purge-questions', { task: 'purge-questions' });
      await waitUntil(async () => (await prisma.question.count({ where: { text: { startsWith: 'purge o' } } })) === 0, { what: 'old questions purged' });
      const left = await rowsOf({ text: { startsWith: 'purge' } });
      expect(left.map((r) => r.text).sort()).toEqual(['purge recent', 'purge today']);
    } finally {
      await queues.close();
      await worker.close();
    }
  });
});

describe('the key of the visitors’ hashes', () => {
  it('is generated once, stored, and reused by the next start; QUESTION_LOG_KEY wins when set; never logged', async () => {
    await prisma.appSecret.deleteMany({ where: { name: 'question_log_key' } });
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const ask = async (config = testConfig({ LOG_LEVEL: 'trace' }), tag: string) => {
      const started = await startApp(config, 'server', createLogger({ level: 'trace', secrets: secretsOf(config), destination: sink }));
      try {
        await post(started.url!, '/api/ask', { text: `Where is Bat Trang? ${tag}`, conversation: 'same-visitor' });
        const [logged] = await waitForRows({ text: `Where is Bat Trang? ${tag}` }, 1);
        return { started, visitor: logged!.visitor };
      } finally {
        await started.close();
      }
    };

    const first = await ask(undefined, 'key-1');
    const stored = await prisma.appSecret.findUniqueOrThrow({ where: { name: 'question_log_key' } });
    expect(stored.value).toMatch(/^[0-9a-f]{64}$/);
    expect(first.visitor).toBe(visitorHash(stored.value, 'api', 'same-visitor'));

    const second = await ask(undefined, 'key-2');
    expect(second.visitor).toBe(first.visitor);
    expect(await prisma.appSecret.findMany({ where: { name: 'question_log_key' } })).toEqual([stored]);

    const configuredKey = 'configured-question-log-key-0123456789';
    const configured = await ask(testConfig({ LOG_LEVEL: 'trace', QUESTION_LOG_KEY: configuredKey }), 'key-3');
    expect(configured.visitor).toBe(visitorHash(configuredKey, 'api', 'same-visitor'));
    expect(configured.visitor).not.toBe(first.visitor);

    // Whatever line carries it, the key comes out scrubbed.
    first.started.logger.info({ leaked: stored.value }, `the key is ${stored.value}`);
    const output = lines.join('');
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(stored.value);
    expect(output).not.toContain(configuredKey);
  });
});
