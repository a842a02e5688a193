// Hostile input against the whole server with a worker: generated Telegram updates and Zalo events
// (fast-check), odd /api/ask bodies, and hostile uploads. Nothing may crash or answer 500; uploads end as a
// clear 4xx or a clip rejected for its reason; nothing is written outside MEDIA_DIR and no temp file stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import type { Config } from '../../src/config.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { makeTestClip } from '../helpers/media.js';
import { makeFromLavfi } from '../helpers/poster.js';
import { testConfig } from '../helpers/test-env.js';
import { size } from './mode.js';

const SECRET = 'hostile-webhook-secret';
const ZALO_APP_ID = '4455667788';
const ZALO_OA_SECRET = 'hostile-oa-secret';
const LIMIT = 3 * 1024 * 1024;
const root = mkdtempSync(join(tmpdir(), 'langnghe-hostile-'));
const media = join(root, 'media');
const samples = join(root, 'samples');

let telegram: FakeTelegram;
let zalo: FakeZalo;
let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let token: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  mkdirSync(samples);
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo({ access: 'hostile-access', refresh: 'unused' });
  config = testConfig({
    MEDIA_DIR: media,
    MAX_UPLOAD_BYTES: String(LIMIT),
    TELEGRAM_BOT_TOKEN: '123456:TEST-hostile',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    ZALO_APP_ID,
    ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
    ZALO_ACCESS_TOKEN: 'hostile-access',
    ZALO_API_BASE: zalo.url,
  });
  prisma = createPrisma(config.DATABASE_URL);
  await prisma.zaloToken.deleteMany();
  app = await startApp(config, 'all');
  token = (await addStaffFor(prisma, 'Hostile tester')).token;
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app?.close();
  await prisma?.$disconnect();
  await telegram?.close();
  await zalo?.close();
});

const anyJson = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);

describe('generated chat events', () => {
  it('acknowledges every Telegram update with the right secret, refuses every one without, and keeps serving', async () => {
    const update = fc.oneof(
      anyJson,
      fc.record({ update_id: fc.oneof(fc.nat(), fc.string(), fc.constant(null)), message: fc.anything() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc
        .record({
          update_id: fc.nat(),
          message: fc.record(
            {
              message_id: fc.nat(),
              date: fc.nat(),
              chat: fc.record({ id: fc.oneof(fc.integer(), fc.string()), type: fc.constantFrom('private', 'group', 'channel', 'weird') }),
              from: fc.record(
                {
                  id: fc.integer(),
                  is_bot: fc.boolean(),
                  first_name: fc.string(),
                  language_code: fc.oneof(fc.constantFrom('vi', 'en', 'de', 'zz'), fc.string()),
                },
                { requiredKeys: [] },
              ),
              text: fc.oneof(
                fc.string({ unit: 'grapheme', maxLength: 300 }),
                fc.constantFrom('/start', '/link', '/link ABCD-EFGH', '/staff lns_x', '📍', '\u202eBát Tràng'),
              ),
              location: fc.record({ latitude: fc.double(), longitude: fc.double() }, { requiredKeys: [] }),
              video: fc.record({ file_id: fc.string(), file_size: fc.integer() }, { requiredKeys: [] }),
            },
            { requiredKeys: ['chat'] },
          ),
        })
        .map((v) => JSON.stringify(v)),
      fc
        .record({
          update_id: fc.nat(),
          callback_query: fc.record({ id: fc.string(), data: fc.string(), from: fc.anything(), message: fc.anything() }, { requiredKeys: [] }),
        })
        .map((v) => JSON.stringify(v)),
      fc
        .record({
          update_id: fc.nat(),
          inline_query: fc.record({ id: fc.string(), query: fc.string(), offset: fc.string(), from: fc.record({ id: fc.integer() }) }, { requiredKeys: [] }),
        })
        .map((v) => JSON.stringify(v)),
    );
    const bodies = fc.sample(update, { numRuns: size(300, 1000), seed: 11 });
    let acknowledged = 0;
    for (const body of bodies) {
      const response = await fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
      expect(response.status, body.slice(0, 200)).toBe(200);
      acknowledged++;
    }
    for (const body of bodies.slice(0, 20)) {
      const response = await fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' },
        body,
      });
      expect(response.status).toBe(401);
    }
    await app.settled();
    expect(acknowledged).toBe(bodies.length);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(unhandled).toEqual([]);
  });

  it('acknowledges every signed Zalo event, refuses unsigned ones, and keeps serving', async () => {
    const event = fc.oneof(
      fc.record(
        {
          app_id: fc.constant(ZALO_APP_ID),
          event_name: fc.oneof(
            fc.constantFrom('user_send_text', 'user_send_location', 'user_send_image', 'follow', 'unfollow', 'oa_send_text', 'user_click_chatnow'),
            fc.string(),
          ),
          timestamp: fc.oneof(fc.constant(String(Date.now())), fc.string(), fc.nat().map(String)),
          sender: fc.record({ id: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }),
          recipient: fc.anything(),
          message: fc.record({ msg_id: fc.string(), text: fc.string({ unit: 'grapheme', maxLength: 300 }), attachments: fc.anything() }, { requiredKeys: [] }),
          follower: fc.anything(),
        },
        { requiredKeys: ['app_id', 'event_name', 'timestamp'] },
      ),
      fc.jsonValue(),
    );
    const events = fc.sample(event, { numRuns: size(300, 1000), seed: 12 });
    for (const value of events) {
      const raw = JSON.stringify(value ?? null);
      const timestamp = String((value as { timestamp?: unknown } | null)?.timestamp ?? '');
      const signature = `mac=${zaloSignature(ZALO_APP_ID, raw, timestamp, ZALO_OA_SECRET)}`;
      const response = await fetch(`${app.url}/zalo/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
        body: raw,
      });
      // A body that is not an event cannot carry a valid signature (no timestamp): 401 is its right answer.
      expect([200, 401], raw.slice(0, 200)).toContain(response.status);
      if (value && typeof value === 'object' && !Array.isArray(value) && 'app_id' in value) expect(response.status, raw.slice(0, 200)).toBe(200);
    }
    for (const value of events.slice(0, 20)) {
      const response = await fetch(`${app.url}/zalo/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=0000' },
        body: JSON.stringify(value ?? null),
      });
      expect(response.status).toBe(401);
    }
    await app.settled();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});

describe('/api/ask', () => {
  it('answers odd, huge, broken and hostile bodies normally or with a 4xx, never a 500', async () => {
    const fixed = [
      JSON.stringify({ text: 'a'.repeat(100 * 1024) }),
      'x'.repeat(100 * 1024),
      '{"text":',
      '{"text": "Bát Tràng" "lang": "vi"}',
      JSON.stringify({ text: "'; DROP TABLE villages; --" }),
      JSON.stringify({ text: "Bát Tràng' OR '1'='1" }),
      JSON.stringify({ text: '<script>alert(1)</script> Vạn Phúc' }),
      JSON.stringify({ text: '<img src=x onerror=alert(1)>' }),
      JSON.stringify({ text: '\u202e\u200fgnarT táB\u200e' }),
      JSON.stringify({ text: 'B\u0061\u0300\u0301\u0302t Tra\u0300ng' }),
      JSON.stringify({ text: '🏺🧵🪡🎋'.repeat(50) }),
      JSON.stringify({ text: '\u0000\u0001\u0002' }),
      JSON.stringify({ text: 'làng gần tôi', location: { lat: 'NaN', lon: Number.POSITIVE_INFINITY } }),
      JSON.stringify({ text: 'Bát Tràng', lang: '../../etc/passwd' }),
      JSON.stringify({ text: 'Bát Tràng', conversation: 'x'.repeat(5000) }),
      JSON.stringify([{ text: 'Bát Tràng' }]),
      JSON.stringify(null),
    ];
    const generated = fc.sample(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 400 }).map((text) => JSON.stringify({ text })),
        fc.string({ unit: 'binary', maxLength: 400 }).map((text) => JSON.stringify({ text, lang: 'vi' })),
        fc
          .record({ text: fc.anything(), lang: fc.anything(), location: fc.anything(), conversation: fc.anything() }, { requiredKeys: [] })
          .map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 200 }),
      ),
      { numRuns: size(200, 600), seed: 13 },
    );
    const counts: Record<number, number> = {};
    for (const body of [...fixed, ...generated]) {
      const response = await fetch(`${app.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      counts[response.status] = (counts[response.status] ?? 0) + 1;
      expect(response.status, body.slice(0, 120)).toBeLessThan(500);
      expect([200, 400, 413, 415], body.slice(0, 120)).toContain(response.status);
      const json = (await response.json()) as { text?: string; error?: string };
      expect(json.text ?? json.error, body.slice(0, 120)).toBeTruthy();
    }
    expect(counts[200]).toBeGreaterThan(0);
    expect(counts[400]).toBeGreaterThan(0);
  });
});

describe('hostile uploads', () => {
  it('get a clear 4xx or become a clip rejected for its reason; nothing lands outside MEDIA_DIR; no temp file stays', { timeout: 300_000 }, async () => {
    const clip = await makeTestClip(join(samples, 'real.mp4'), { seconds: 2, width: 640, height: 360 });
    const faststart = await makeTestClip(join(samples, 'faststart.mp4'), { seconds: 3, width: 640, height: 360, faststart: true });
    const real = readFileSync(clip);
    const fast = readFileSync(faststart);
    // A raw-video header claiming 30000×30000 and 30 frames, with one frame's worth of nothing behind it.
    const huge = Buffer.concat([Buffer.from('YUV4MPEG2 W30000 H30000 F30:1 Ip A1:1 C420jpeg\nFRAME\n'), Buffer.alloc(4096)]);
    // 20,000 frames of 16×16 at 1,000 frames a second.
    const tinyPath = join(samples, 'tiny.mp4');
    await makeFromLavfi('color=c=red:s=16x16:r=1000:d=20', tinyPath, ['-c:v', 'libx264', '-preset', 'ultrafast']);
    const tiny = readFileSync(tinyPath);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const names = [
      '../../../../etc/passwd',
      '..\\..\\evil.mp4',
      'a\u0000b.mp4',
      `${'x'.repeat(500)}.mp4`,
      '.mp4',
      '/absolute/path.mp4',
      'CON',
      '"; rm -rf /.mp4',
      '%2e%2e%2fescape.mp4',
      'Làng gốm 🏺.mp4',
    ];

    type Case = { kind: string; send: () => Promise<Response>; accepted?: (status: number) => boolean };
    const post = (body: BodyInit, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
      fetch(`${app.url}/api/clips`, { method: 'POST', headers, body });
    const form = (bytes: Uint8Array, filename: string, type = 'video/mp4', title = 'Hostile') => {
      const data = new FormData();
      data.append('title', title);
      data.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
      return data;
    };
    // undici will not put a NUL into a header: the multipart body is written by hand.
    const rawMultipart = (bytes: Uint8Array, filename: string) => {
      const boundary = 'hostileBoundary7MA4YWxkTrZu0gW';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHostile\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: video/mp4\r\n\r\n`,
          'latin1',
        ),
        Buffer.from(bytes),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return post(body, { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    const pick = fc.sample(fc.tuple(fc.nat(9999), fc.uint8Array({ minLength: 1, maxLength: 30_000 }), fc.double({ min: 0.05, max: 0.95, noNaN: true })), {
      numRuns: 200,
      seed: 14,
    });
    const cases: Case[] = pick.map(([n, bytes, fraction], i): Case => {
      const name = names[n % names.length]!;
      switch (i % 14) {
        case 0:
          return { kind: 'random bytes', send: () => post(form(bytes, name)) };
        case 1:
          return {
            kind: 'text as video',
            send: () => post(form(Buffer.from('<html><body>not a video</body></html>'.repeat(1 + (n % 50))), name, 'video/mp4')),
          };
        case 2:
          return { kind: 'png as video', send: () => post(form(png, name)) };
        case 3:
          return { kind: 'truncated mp4', send: () => post(form(real.subarray(0, Math.floor(real.length * fraction)), name)) };
        case 4:
          return {
            kind: 'truncated faststart mp4',
            send: () => post(form(fast.subarray(0, Math.floor(fast.length * fraction)), `${n}-${name}`)),
            accepted: (s) => s === 201,
          };
        case 5:
          return { kind: '30000×30000 header', send: () => post(form(Buffer.concat([huge, Buffer.from(String(n))]), name)), accepted: (s) => s === 201 };
        case 6:
          return { kind: 'tiny frames', send: () => post(form(Buffer.concat([tiny, Buffer.from(String(n))]), name)), accepted: (s) => s === 201 };
        case 7:
          return { kind: 'hostile file name', send: () => rawMultipart(bytes, `${names[n % names.length]}\u0000.mp4`) };
        case 8:
          return {
            kind: 'json instead of multipart',
            send: () => post(JSON.stringify({ title: 'x', file: 'AAAA' }), { authorization: `Bearer ${token}`, 'content-type': 'application/json' }),
          };
        case 9:
          return { kind: 'text/plain', send: () => post('just text', { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }) };
        case 10:
          return { kind: 'over the limit', send: () => post(form(new Uint8Array(LIMIT + 1024 + (n % 1000)), name)) };
        case 11:
          return { kind: 'no token', send: () => post(form(real, name), {}) };
        case 12:
          return { kind: 'wrong token', send: () => post(form(real, name), { authorization: `Bearer lns_${'A'.repeat(43)}` }) };
        default:
          return {
            kind: 'tus with bad metadata or length',
            send: () =>
              fetch(`${app.url}/api/uploads`, {
                method: 'POST',
                headers: {
                  authorization: `Bearer ${token}`,
                  'tus-resumable': '1.0.0',
                  'upload-length': String(n % 2 ? LIMIT * 4 : 100),
                  'upload-metadata': n % 2 ? `title ${Buffer.from('x').toString('base64')}` : `filename ${Buffer.from(name).toString('base64')}`,
                },
              }),
          };
      }
    });

    const started = Date.now();
    const statuses: Record<string, Record<number, number>> = {};
    const acceptedClips: string[] = [];
    for (const item of cases) {
      const sentAt = Date.now();
      const response = await item.send();
      if (Date.now() - sentAt > 2000) console.log(`slow: ${item.kind} ${Date.now() - sentAt} ms`);
      (statuses[item.kind] ??= {})[response.status] = (statuses[item.kind]![response.status] ?? 0) + 1;
      const body = await response.text();
      if (response.status === 201 && item.accepted?.(201)) {
        acceptedClips.push(JSON.parse(body).id);
        continue;
      }
      expect(response.status, `${item.kind}: ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${item.kind}: ${body.slice(0, 200)}`).toBeLessThan(500);
      expect(body.length, item.kind).toBeGreaterThan(0);
    }
    // What was taken in is turned down by the worker, each with its reason.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const clips = await prisma.clip.findMany({ where: { id: { in: acceptedClips } }, select: { state: true } });
      if (clips.every((c) => c.state === 'rejected' || c.state === 'failed')) break;
      if (Date.now() > deadline) throw new Error(`still processing: ${JSON.stringify(clips)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rejected = await prisma.clip.findMany({ where: { id: { in: acceptedClips } }, select: { state: true, reason: true } });
    expect(rejected.every((c) => c.state === 'rejected' && (c.reason as { code?: string } | null)?.code)).toBe(true);

    // Nothing beside MEDIA_DIR, nothing half-written inside it.
    expect(readdirSync(root).sort()).toEqual(['media', 'samples']);
    const files = (readdirSync(media, { recursive: true }) as string[]).map((f) => f.toString());
    const stray = files.filter((f) => !/^(clips|uploads|tus)(\/[0-9a-f-]{36}(\/(source\.[a-z0-9]{1,5}|poster\.jpg|thumb-\d\.jpg|\d+p\.mp4))?)?$/.test(f));
    expect(stray).toEqual([]);
    expect(files.filter((f) => f.startsWith('uploads/') || f.startsWith('tus/') || f.includes('tmp-'))).toEqual([]);
    expect(existsSync('/etc/passwd.mp4')).toBe(false);
    expect(unhandled).toEqual([]);
    const reasons = rejected.map((c) => (c.reason as { code: string }).code);
    console.log(
      `hostile uploads: ${cases.length} tried in ${Math.round((Date.now() - started) / 1000)} s, ${acceptedClips.length} taken in and rejected (${[...new Set(reasons)].join(', ')}); statuses ${JSON.stringify(statuses)}`,
    );
  });
});
