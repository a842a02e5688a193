// Security at the edge: headers on every answer, the public rate limit shared by server processes through
// Redis (and off at 0), and no configured secret, staff token or password in any log line of a busy run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/app.js';
import { secretsOf, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { startFakeTranslate, type FakeTranslate } from '../helpers/fake-google-translate.js';
import { TEST_DATABASE_URL, testConfig } from '../helpers/test-env.js';

const running: RunningApp[] = [];
const start = async (config: Config, logger?: ReturnType<typeof createLogger>) => {
  const app = await startApp(config, 'server', logger);
  running.push(app);
  return app;
};
const ask = (app: RunningApp, text = 'Bát Tràng ở đâu?') =>
  fetch(`${app.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
/** The status of a GET, its body read so the connection is free again. */
const statusOf = async (url: string) => {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
};

afterAll(async () => {
  for (const app of running) await app.close();
});

describe('security headers', () => {
  it('come with pages, the API and the console; HSTS only over HTTPS', async () => {
    const app = await start(testConfig());
    for (const path of ['/vlogs', '/api/villages', '/console/login']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
      await response.arrayBuffer(); // an unread body keeps its connection busy
    }
    const https = await start(testConfig({ PUBLIC_URL: 'https://langnghe.example.vn' }));
    const secure = await fetch(`${https.url}/vlogs`);
    await secure.arrayBuffer();
    expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=15552000/);
  });
});

describe('the public rate limit', () => {
  it('allows RATE_LIMIT_PER_MINUTE requests a minute per address, counted across server processes', async () => {
    const config = testConfig({ RATE_LIMIT_PER_MINUTE: '5' });
    const first = await start(config);
    const second = await start(config);
    for (let i = 0; i < 3; i++) expect((await ask(first)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect(await statusOf(`${second.url}/api/villages`)).toBe(200);
    const refused = await ask(first);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
    expect(await statusOf(`${second.url}/vlogs`)).toBe(429);
    // Health checks and webhooks are not public reading: they are not counted.
    expect(await statusOf(`${second.url}/healthz`)).toBe(200);
    expect((await fetch(`${second.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).not.toBe(
      429,
    );
  });

  it('is off at 0', async () => {
    const app = await start(testConfig({ RATE_LIMIT_PER_MINUTE: '0' }));
    const statuses = await Promise.all(Array.from({ length: 30 }, () => ask(app).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('secrets in logs', () => {
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let translate: FakeTranslate;
  let prisma: PrismaClient;
  beforeAll(async () => {
    telegram = await startFakeTelegram();
    zalo = await startFakeZalo({ access: 'zalo-access-token-secret', refresh: 'zalo-refresh-token-secret' });
    translate = await startFakeTranslate({});
    prisma = createPrisma(TEST_DATABASE_URL);
  });
  afterAll(async () => {
    await telegram.close();
    await zalo.close();
    await translate.close();
    await prisma.$disconnect();
  });

  it('never carry a configured secret, a staff token or a password, at debug level over a busy run', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.password = 'pg-password-secret'; // trust authentication: accepted and ignored
    const config = testConfig({
      LOG_LEVEL: 'debug',
      DATABASE_URL: url.toString(),
      TELEGRAM_BOT_TOKEN: '999888:telegram-bot-token-secret',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: 'telegram-webhook-secret',
      TELEGRAM_API_ROOT: telegram.url,
      ZALO_APP_ID: '1234567890',
      ZALO_OA_SECRET_KEY: 'zalo-oa-secret-key',
      ZALO_APP_SECRET_KEY: 'zalo-app-secret-key',
      ZALO_ACCESS_TOKEN: 'zalo-access-token-secret',
      ZALO_REFRESH_TOKEN: 'zalo-refresh-token-secret',
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      TELEGRAM_WEBHOOK_REPLY: 'false',
      GOOGLE_TRANSLATE_API_KEY: 'google-translate-key-secret',
      GOOGLE_TRANSLATE_ENDPOINT: translate.url,
    });
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const app = await start(config, createLogger({ level: 'debug', secrets: secretsOf(config), destination }));
    const staff = await addStaffFor(prisma, 'Nhật ký', { email: 'nhat.ky@langnghe.test', password: 'staff-password-secret' });

    const webhook = (secret: string, body: unknown) =>
      fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(body),
      });
    const update = (id: number, text: string) => ({
      update_id: id,
      message: { message_id: id, date: 1_790_000_000, chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'Khách' }, text },
    });
    await webhook('wrong-secret', update(1, 'xin chào'));
    await webhook(config.TELEGRAM_WEBHOOK_SECRET!, update(2, 'Bát Tràng ở đâu?'));
    translate.failing = true; // its error carries the request, key and all
    await webhook(config.TELEGRAM_WEBHOOK_SECRET!, update(3, 'Wo ist Bat Trang?'));
    telegram.failNext('sendMessage', { error_code: 401, description: 'Unauthorized' });
    await webhook(config.TELEGRAM_WEBHOOK_SECRET!, update(4, '/start'));
    const zaloBody = JSON.stringify({
      app_id: '1234567890',
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: 'zalo-user-1' },
      recipient: { id: 'oa' },
      message: { msg_id: 'm1', text: 'làng lụa' },
    });
    await fetch(`${app.url}/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=wrong' },
      body: zaloBody,
    });
    const timestamp = JSON.parse(zaloBody).timestamp as string;
    await fetch(`${app.url}/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloSignature('1234567890', zaloBody, timestamp, 'zalo-oa-secret-key')}` },
      body: zaloBody,
    });
    await fetch(`${app.url}/api/clips`, { headers: { authorization: `Bearer ${staff.token}` } });
    await fetch(`${app.url}/api/clips`, { headers: { authorization: `Bearer ${staff.token}x` } });
    await fetch(`${app.url}/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=nhat.ky%40langnghe.test&password=staff-password-secret`,
    });
    await app.settled();

    // The run logged: start-up, a failed translation, a refused Telegram call, a refused Zalo token, CSRF.
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const log = lines.join('');
    for (const secret of [...secretsOf(config), staff.token, 'staff-password-secret']) expect(log.includes(secret), secret).toBe(false);
  });
});
