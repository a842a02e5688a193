// Zalo on the real axios clients against loopback fakes of the OA API, the OAuth server and the Bot
// platform; tokens in the real PostgreSQL, locks, windows and state in the real Redis.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { createZaloTokenRepository } from '../../src/data/zalo-token-repository.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { createZaloClient, ZaloApiError } from '../../src/channels/zalo/client.js';
import { createTokenProvider } from '../../src/channels/zalo/token-provider.js';
import { ZaloReauthorizationNeeded } from '../../src/channels/zalo/oauth.js';
import { createReplyWindow, MAX_REPLIES } from '../../src/channels/zalo/reply-window.js';
import { createImageCache } from '../../src/channels/zalo/image-cache.js';
import { planOaMessages } from '../../src/channels/zalo/render-oa.js';
import { startAuthorisation } from '../../src/channels/zalo/connect.js';
import { createLogger } from '../../src/logger.js';
import { Messages } from '../../src/i18n/messages.js';
import { loadHandbook } from '../../src/content/load.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { testConfig, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/test-env.js';

const APP_ID = '2553928453557884079';
const OA_SECRET = 'oa-secret-for-tests';
const APP_SECRET = 'app-secret-for-tests';
const handbook = loadHandbook('content');
const messages = new Messages('content/locales');
let zalo: FakeZalo;
let app: RunningApp;
let prisma: PrismaClient;
let redis: Redis;
let prefix: string;
let user = 7000;
let msg = 1;

beforeAll(async () => {
  zalo = await startFakeZalo();
  prisma = createPrisma(TEST_DATABASE_URL);
  redis = new Redis(TEST_REDIS_URL);
  await prisma.zaloToken.deleteMany();
  const config = testConfig({
    ZALO_APP_ID: APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_APP_SECRET_KEY: APP_SECRET,
    ZALO_ACCESS_TOKEN: 'access-0',
    ZALO_REFRESH_TOKEN: 'refresh-0',
    ZALO_API_BASE: zalo.url,
    ZALO_OAUTH_BASE: zalo.url,
    PUBLIC_URL: 'https://langnghe.example',
  });
  prefix = config.QUEUE_PREFIX;
  app = await startApp(config, 'server');
});
afterAll(async () => {
  await app?.close();
  await zalo?.close();
  redis?.disconnect();
  await prisma?.$disconnect();
});
beforeEach(() => {
  user++;
});

function event(fields: Record<string, unknown>, at = Date.now()) {
  return JSON.stringify({ app_id: APP_ID, sender: { id: String(user) }, recipient: { id: '3662729599332560487' }, timestamp: String(at), ...fields });
}
const text = (value: string, at?: number) => event({ event_name: 'user_send_text', message: { text: value, msg_id: `msg-${msg++}` } }, at);
async function post(raw: string, secret = OA_SECRET) {
  const timestamp = JSON.parse(raw).timestamp;
  return fetch(`${app.url}/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloSignature(APP_ID, raw, timestamp, secret)}` },
    body: raw,
  });
}
/** Posts an event and waits until LangNghe has answered it: the sends made for it. */
async function say(raw: string) {
  const before = zalo.sends.length;
  expect((await post(raw)).status).toBe(200);
  await app.settled();
  return zalo.sends.slice(before).filter((s) => s.body.recipient.user_id === String(user));
}
const payloads = (send: FakeZalo['sends'][number]) => [
  ...(send.body.message.attachment?.payload?.buttons ?? []).map((b: any) => b.payload),
  ...(send.body.message.attachment?.payload?.elements ?? []).map((e: any) => e.default_action?.payload),
];

describe('a conversation on the Official Account', () => {
  it("goes menu → list → card → follow-up → near me, every reply quoting the user's message", async () => {
    const menuRaw = text('#menu');
    const menu = await say(menuRaw);
    expect(menu).toHaveLength(1);
    expect(menu[0]!.body.message.quote_message_id).toBe(JSON.parse(menuRaw).message.msg_id);
    expect(payloads(menu[0]!)).toEqual(expect.arrayContaining(['#cl:0', '#rl:0', '#pl:0', '#nearby']));

    const list = await say(text('#vl:conical-hats:0'));
    const listTemplate = list.find((s) => s.body.message.attachment?.payload?.template_type === 'list')!;
    expect(listTemplate.body.message.attachment.payload.elements[0].default_action.payload).toBe('#v:chuong');

    const card = await say(text('#v:chuong'));
    expect(card[0]!.body.message.text).toContain('Chuông');
    expect(payloads(card[0]!)).toEqual(expect.arrayContaining(['#vd:chuong', '#vp:chuong:0']));

    const followUp = await say(text('đường đến đó thế nào?'));
    expect(followUp[0]!.body.message.text).toContain(handbook.villages.find((v) => v.id === 'chuong')!.visit.gettingThere!.vi.slice(0, 40));

    const here = await say(
      event({
        event_name: 'user_send_location',
        message: { msg_id: `msg-${msg++}`, attachments: [{ type: 'location', payload: { coordinates: { latitude: '20.8270', longitude: '105.7674' } } }] },
      }),
    );
    const nearest = here.find((s) => s.body.message.attachment?.payload?.template_type === 'list')!;
    expect(nearest.body.message.attachment.payload.elements[0].default_action.payload).toBe('#v:chuong');
  });

  it('answers a picture politely, and ignores events it does not handle', async () => {
    const image = await say(
      event({ event_name: 'user_send_image', message: { msg_id: `msg-${msg++}`, attachments: [{ type: 'image', payload: { url: 'https://x/y.jpg' } }] } }),
    );
    expect(image[0]!.body.message.text).toBe(messages.t('vi', 'zalo-image-received'));
    const seen = await say(event({ event_name: 'user_seen_message', message: { msg_id: `msg-${msg++}` } }));
    expect(seen).toHaveLength(0);
    const follow = await say(JSON.stringify({ app_id: APP_ID, event_name: 'follow', follower: { id: String(user) }, timestamp: String(Date.now()) }));
    expect(follow).toHaveLength(0);
  });
});

describe('webhook authenticity', () => {
  it('rejects a wrong signature, ignores an old event and a replayed one; nothing is sent for them', async () => {
    const before = zalo.sends.length;
    expect((await post(text('Bát Tràng ở đâu?'), 'not-the-secret')).status).toBe(401);
    expect((await post(text('Bát Tràng ở đâu?', Date.now() - 3600_000))).status).toBe(200);
    const raw = text('Bát Tràng ở đâu?');
    const first = await say(raw);
    expect(first.length).toBeGreaterThan(0);
    expect((await post(raw)).status).toBe(200);
    await app.settled();
    expect(zalo.sends.length - before).toBe(first.length);
  });
});

describe("Zalo's sending rules", () => {
  it('a window error: no retry, and nothing more until the user writes again', async () => {
    zalo.failNext(-230);
    const attemptsBefore = zalo.attempts.length;
    const sent = await say(text('#vl:conical-hats:0'));
    expect(sent).toHaveLength(0);
    expect(zalo.attempts.length - attemptsBefore).toBe(1);
    const again = await say(text('#menu'));
    expect(again).toHaveLength(1);
  });

  it('allows at most 8 replies to one message of the user', async () => {
    const window = createReplyWindow(redis, prefix);
    await window.opened('quota-user', 'msg-q');
    const claims = await Promise.all(Array.from({ length: 12 }, () => window.claim('quota-user')));
    expect(claims.filter(Boolean)).toHaveLength(MAX_REPLIES);
    expect(claims.filter((c) => c === 'msg-q')).toHaveLength(MAX_REPLIES);
  });

  it('splits a 3,000-character answer into two messages, in order, at a sentence', async () => {
    const sentence = 'Làng nghề Hà Nội có nhiều sản phẩm đẹp. ';
    const long = sentence.repeat(Math.ceil(3000 / sentence.length)).trim();
    const client = createZaloClient({
      apiBase: zalo.url,
      tokens: { accessToken: async () => zalo.tokens.access, refreshAfterRejection: async () => zalo.tokens.access },
    });
    const before = zalo.sends.length;
    for (const send of planOaMessages([{ text: long }], messages, 'vi')) await send(client, 'long-user', 'q1');
    const parts = zalo.sends.slice(before).map((s) => s.body.message.text as string);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.length).toBeLessThanOrEqual(2000);
    expect(parts[0]!.endsWith('.')).toBe(true);
    expect(`${parts[0]} ${parts[1]}`).toBe(long);
  });

  it('follows no redirect: the access token never goes where a 3xx points, and the send fails', async () => {
    const elsewhere: Array<string | undefined> = [];
    const thief = createServer((request, response) => {
      elsewhere.push(request.headers['access_token'] as string | undefined);
      response.end('{"error":0}');
    });
    await new Promise<void>((resolve) => thief.listen(0, '127.0.0.1', resolve));
    const redirecting = createServer((request, response) => {
      request.resume();
      response.writeHead(307, { location: `http://127.0.0.1:${(thief.address() as AddressInfo).port}${request.url}` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const client = createZaloClient({
        apiBase: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`,
        tokens: { accessToken: async () => 'secret-access-token', refreshAfterRejection: async () => 'secret-access-token' },
      });
      await expect(client.sendText('redirected-user', 'hello')).rejects.toMatchObject({ name: 'ZaloHttpError', status: 307 });
      expect(elsewhere).toEqual([]);
    } finally {
      thief.close();
      redirecting.close();
    }
  });

  it('uploads an image once and reuses its attachment_id', async () => {
    const client = createZaloClient({
      apiBase: zalo.url,
      tokens: { accessToken: async () => zalo.tokens.access, refreshAfterRejection: async () => zalo.tokens.access },
    });
    const cache = createImageCache(redis, prefix, client);
    const image = Buffer.from(`fake-jpeg-${Date.now()}`);
    const uploadsBefore = zalo.uploads;
    const [a, b] = [await cache.attachmentId(image, 'image/jpeg'), await cache.attachmentId(image, 'image/jpeg')];
    expect(a).toBe(b);
    expect(zalo.uploads - uploadsBefore).toBe(1);
  });
});

describe('tokens that never lapse', () => {
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: [],
    destination: new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }),
  });
  const providerFor = () =>
    createTokenProvider({
      zaloTokens: createZaloTokenRepository(prisma),
      redis,
      keyPrefix: prefix,
      oauth: { oauthBase: zalo.url, appId: APP_ID, appSecret: APP_SECRET },
      logger,
    });

  it('20 parallel sends with an expired token, from two processes: one refresh, all 20 delivered', async () => {
    await prisma.zaloToken.update({
      where: { id: 'oa' },
      data: { accessToken: zalo.tokens.access, refreshToken: zalo.tokens.refresh, accessExpiresAt: new Date(Date.now() - 1000), status: 'ok' },
    });
    const refreshesBefore = zalo.refreshCalls;
    const sendsBefore = zalo.sends.length;
    // Two token providers stand for two processes: they share only PostgreSQL and Redis.
    const clients = [providerFor(), providerFor()].map((tokens) => createZaloClient({ apiBase: zalo.url, tokens }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]!.sendText(`parallel-${i}`, `message ${i}`)));
    expect(zalo.refreshCalls - refreshesBefore).toBe(1);
    const delivered = zalo.sends.slice(sendsBefore);
    expect(delivered).toHaveLength(20);
    expect(new Set(delivered.map((s) => s.accessToken))).toEqual(new Set([zalo.tokens.access]));
    const stored = await prisma.zaloToken.findUniqueOrThrow({ where: { id: 'oa' } });
    expect(stored).toMatchObject({ accessToken: zalo.tokens.access, refreshToken: zalo.tokens.refresh, status: 'ok' });
  });

  it('the first events after a start seed the token from ZALO_ACCESS_TOKEN at once: every one gets it', async () => {
    const saved = await prisma.zaloToken.findUniqueOrThrow({ where: { id: 'oa' } });
    await prisma.zaloToken.deleteMany();
    const tokens = createZaloTokenRepository(prisma);
    const seeded = await Promise.allSettled(
      Array.from({ length: 10 }, () => tokens.seed({ accessToken: 'from-env', refreshToken: null, accessExpiresAt: new Date(Date.now() + 3600_000) })),
    );
    expect(seeded.map((s) => (s.status === 'fulfilled' ? s.value.accessToken : String(s.reason)))).toEqual(Array(10).fill('from-env'));
    await prisma.zaloToken.update({ where: { id: 'oa' }, data: saved });
  });

  it('a token Zalo calls invalid is refreshed once and the send retried', async () => {
    zalo.tokens.access = 'rotated-by-zalo'; // Zalo no longer takes the stored access token
    const refreshesBefore = zalo.refreshCalls;
    await createZaloClient({ apiBase: zalo.url, tokens: providerFor() }).sendText('rejected-user', 'hello');
    expect(zalo.refreshCalls - refreshesBefore).toBe(1);
    expect(zalo.sends.at(-1)!.accessToken).toBe(zalo.tokens.access);
  });

  it('a spent refresh token: one clear log line, an operator-facing error, and no loop', async () => {
    await prisma.zaloToken.update({
      where: { id: 'oa' },
      data: { refreshToken: 'spent-refresh-token', accessExpiresAt: new Date(Date.now() - 1000), status: 'ok' },
    });
    const refreshesBefore = zalo.refreshCalls;
    const client = createZaloClient({ apiBase: zalo.url, tokens: providerFor() });
    await expect(client.sendText('spent-user', 'hello')).rejects.toBeInstanceOf(ZaloReauthorizationNeeded);
    await expect(client.sendText('spent-user', 'hello again')).rejects.toThrow(/zalo:connect/);
    expect(zalo.refreshCalls - refreshesBefore).toBe(1);
    expect(logLines.filter((l) => l.includes('zalo:connect'))).toHaveLength(1);
    expect((await prisma.zaloToken.findUniqueOrThrow({ where: { id: 'oa' } })).status).toBe('reauthorize');
  });

  it("zalo:connect: the admin's code comes back to /zalo/oauth/callback and the pair is stored", async () => {
    const { url, state } = await startAuthorisation(redis, { prefix, oauthBase: zalo.url, appId: APP_ID, publicUrl: 'https://langnghe.example' });
    const challenge = new URL(url).searchParams.get('code_challenge')!;
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('https://langnghe.example/zalo/oauth/callback');
    zalo.issueCode('the-admins-code', challenge);
    const response = await fetch(`${app.url}/zalo/oauth/callback?code=the-admins-code&state=${state}&oa_id=1`);
    expect(response.status).toBe(200);
    expect(await prisma.zaloToken.findUniqueOrThrow({ where: { id: 'oa' } })).toMatchObject({
      accessToken: zalo.tokens.access,
      refreshToken: zalo.tokens.refresh,
      status: 'ok',
    });
    const reused = await fetch(`${app.url}/zalo/oauth/callback?code=the-admins-code&state=${state}`);
    expect(reused.status).toBe(400);
  });

  it('sends the app secret only as the secret_key header, never in a form body', () => {
    expect(zalo.tokenRequests.length).toBeGreaterThan(0);
    expect(JSON.stringify(zalo.tokenRequests)).not.toContain(APP_SECRET);
  });
});

describe('the Zalo Bot platform (ZALO_MODE=bot)', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp(
      testConfig({ ZALO_MODE: 'bot', ZALO_BOT_TOKEN: '12345689:abc-xyz', ZALO_BOT_WEBHOOK_SECRET: 'bot-secret-1234', ZALO_BOT_API_BASE: zalo.url }),
      'server',
    );
  });
  afterAll(async () => {
    await bot?.close();
  });
  const update = (value: string) => ({
    event_name: 'message.text.received',
    message: { message_id: `bm-${msg++}`, date: Date.now(), chat: { id: 'chat-1', chat_type: 'PRIVATE' }, from: { id: 'chat-1' }, text: value },
  });
  const postBot = (body: unknown, secret = 'bot-secret-1234') =>
    fetch(`${bot.url}/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret },
      body: JSON.stringify(body),
    });
  async function botSay(value: string) {
    const before = zalo.botSends.length;
    expect((await postBot(update(value))).status).toBe(200);
    await bot.settled();
    return zalo.botSends.slice(before);
  }

  it('refuses a wrong secret token', async () => {
    expect((await postBot(update('hi'), 'wrong-secret-0000')).status).toBe(401);
  });

  it('answers with the same dialogue, its buttons as a numbered menu', async () => {
    const answer = await botSay('làng nào làm nón lá?');
    expect(answer[0]!.token).toBe('12345689:abc-xyz');
    const body = answer.map((s) => s.body.text).join('\n');
    expect(body).toMatch(/1\. .*Chuông/);
    const card = await botSay('1');
    expect(card[0]!.body.text).toContain('🏘');
    expect(card[0]!.body.text).toContain('Chuông');
  });
});

void ZaloApiError;
