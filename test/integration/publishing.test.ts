// Scheduling and publishing on real PostgreSQL, Redis, BullMQ and ffmpeg, with fake Telegram, Zalo and
// Google Translate servers on 127.0.0.1: on time, exactly once, never lost; what is posted; the public
// pages. This file uses its own Redis database, because one test flushes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { createTelegramPublisher } from '../../src/channels/telegram/publisher.js';
import { publishPublication, type PublishDeps } from '../../src/services/publishing/publish-publication.js';
import { createRepositories } from '../../src/data/repositories.js';
import { formatHanoi } from '../../src/domain/publishing/hanoi-time.js';
import { createLogger } from '../../src/logger.js';
import { Messages } from '../../src/i18n/messages.js';
import type { Config } from '../../src/config.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { startFakeTranslate, type FakeTranslate } from '../helpers/fake-google-translate.js';
import { makeTestClip } from '../helpers/media.js';
import { sleep, waitUntil } from '../helpers/wait.js';
import { TEST_REDIS_URL, testConfig } from '../helpers/test-env.js';

const CHANNEL = '-1009876543210';
const STAFF_CHAT = '-1005550001';
const PUBLIC_URL = 'https://langnghe.example.vn';
const ZALO_APP_ID = '2553928453557884079';
const ZALO_OA_SECRET = 'oa-secret-publishing';
const messages = new Messages('content/locales');
const work = mkdtempSync(join(tmpdir(), 'langnghe-publishing-'));

let telegram: FakeTelegram;
let zalo: FakeZalo;
let translate: FakeTranslate;
let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let token: string;
let clip: { id: string; title: string };

const redisUrl = Object.assign(new URL(TEST_REDIS_URL), { pathname: '/5' }).toString();
const auth = () => ({ authorization: `Bearer ${token}` });
const api = (path: string, init: { method?: string; body?: unknown; csv?: string } = {}) =>
  fetch(`${app.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.csv !== undefined ? 'POST' : 'GET'),
    headers: {
      ...auth(),
      ...(init.csv !== undefined ? { 'content-type': 'text/csv' } : init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.csv ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
const videoSends = () => telegram.callsTo('sendVideo');
const staffNotices = () =>
  telegram
    .callsTo('sendMessage')
    .filter((c) => String(c.params.chat_id) === STAFF_CHAT)
    .map((c) => String(c.params.text));
const publication = async (id: string) => (await api(`/api/publications/${id}`)).json();

async function uploadClip(name: string, recipe: Parameters<typeof makeTestClip>[1], fields: Record<string, string>) {
  const path = await makeTestClip(join(work, `${name}.mp4`), recipe);
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), `${name}.mp4`);
  const response = await fetch(`${app.url}/api/clips`, { method: 'POST', headers: auth(), body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; title: string };
}
const clipState = async (id: string) => (await (await api(`/api/clips/${id}`)).json()).state as string;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo({ access: 'zalo-access-publishing', refresh: 'unused' });
  translate = await startFakeTranslate({});
  config = testConfig({
    REDIS_URL: redisUrl,
    PUBLIC_URL,
    TELEGRAM_BOT_TOKEN: '123456:TEST-publishing',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: 'publishing-secret',
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_CHANNEL_ID: CHANNEL,
    TELEGRAM_STAFF_CHAT_ID: STAFF_CHAT,
    ZALO_APP_ID,
    ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
    ZALO_ACCESS_TOKEN: 'zalo-access-publishing',
    ZALO_API_BASE: zalo.url,
    GOOGLE_TRANSLATE_API_KEY: 'translate-key-publishing',
    GOOGLE_TRANSLATE_ENDPOINT: translate.url,
    JOB_LOCK_SECONDS: '5',
  });
  prisma = createPrisma(config.DATABASE_URL);
  await prisma.zaloToken.deleteMany();
  app = await startApp(config, 'all');
  token = (await addStaffFor(prisma, 'Scheduler')).token;
  clip = await uploadClip(
    'gom-bat-trang',
    { seconds: 2, width: 960, height: 540 },
    {
      title: 'Gốm Bát Tràng bên lò',
      description: 'Nghệ nhân vuốt bình trên bàn xoay. Lò nung cháy suốt đêm.',
      village: 'bat-trang',
      tags: 'gốm, lò nung',
    },
  );
  await waitUntil(async () => (await clipState(clip.id)) === 'ready', { timeoutMs: 30_000 });
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await Promise.all([telegram?.close(), zalo?.close(), translate?.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('on time, exactly once', () => {
  it('posts a clip scheduled 2 s ahead once, at its time, with a caption in Vietnamese and English', async () => {
    const before = videoSends().length;
    const publishAt = new Date(Date.now() + 2000);
    const created = await api('/api/publications', { body: { clipId: clip.id, target: 'telegram', publishAt: publishAt.toISOString() } });
    expect(created.status).toBe(201);
    const scheduled = await created.json();
    expect(scheduled).toMatchObject({ state: 'scheduled', target: 'telegram', publishAtLocal: formatHanoi(publishAt) });

    const [sent] = (await waitUntil(() => videoSends().length > before && videoSends().slice(before))) as ReturnType<typeof videoSends>;
    expect(sent!.at).toBeGreaterThanOrEqual(publishAt.getTime() - 50);
    expect(sent!.at - publishAt.getTime()).toBeLessThan(1500);
    const caption = String(sent!.params.caption);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption).toMatch(/^Gốm Bát Tràng bên lò\n\nNghệ nhân vuốt bình trên bàn xoay\. Lò nung cháy suốt đêm\.\n\n/);
    expect(caption).toContain('🇬🇧 [en] Gốm Bát Tràng bên lò. Nghệ nhân vuốt bình trên bàn xoay.');
    expect(caption).toContain(`📍 Bát Tràng: ${PUBLIC_URL}/villages/bat-trang`);
    expect(caption).toMatch(/#LangNgheHaNoi #BátTràng .*#Gốm .*#LòNung/);
    expect(sent!.params).toMatchObject({ chat_id: CHANNEL, width: '960', height: '540', supports_streaming: 'true', duration: '2' });
    expect(sent!.files.video?.bytes).toBeGreaterThan(1000);
    // Telegram's thumbnail: the small JPEG (≤ 320 px), not the 720p poster.
    const thumb = await prisma.rendition.findFirstOrThrow({ where: { clipId: clip.id, kind: 'thumb-1' } });
    expect(thumb.width).toBeLessThanOrEqual(320);
    expect(sent!.files.thumbnail?.bytes).toBe(Number(thumb.bytes));

    const done = await waitUntil(async () => {
      const view = await publication(scheduled.id);
      return view.state === 'published' && view;
    });
    expect(done.messageId).toMatch(/^\d+$/);
    expect(videoSends().length - before).toBe(1);
    // The English line was paid for once and is cached.
    expect(translate.calls.filter((c) => c.q[0]!.startsWith('Gốm Bát Tràng bên lò'))).toHaveLength(1);
  });

  it('posts the same clip again by its file_id, without uploading it', async () => {
    const before = videoSends().length;
    const created = await (await api('/api/publications', { body: { clipId: clip.id, publishAt: new Date(Date.now() + 500).toISOString() } })).json();
    const [sent] = (await waitUntil(() => videoSends().length > before && videoSends().slice(before))) as ReturnType<typeof videoSends>;
    const { telegramFileId } = await prisma.clip.findUniqueOrThrow({ where: { id: clip.id } });
    expect(telegramFileId).toMatch(/^video-file-/);
    expect(sent!.params.video).toBe(telegramFileId);
    expect(sent!.files.video).toBeUndefined();
    await waitUntil(async () => (await publication(created.id)).state === 'published');
  });

  it('sends a rescheduled publication at the new time only, and a cancelled one never', async () => {
    const before = videoSends().length;
    const first = new Date(Date.now() + 1500);
    const moved = await (await api('/api/publications', { body: { clipId: clip.id, publishAt: first.toISOString() } })).json();
    const cancelled = await (await api('/api/publications', { body: { clipId: clip.id, publishAt: first.toISOString() } })).json();
    const later = new Date(Date.now() + 4000);
    const patched = await api(`/api/publications/${moved.id}`, { method: 'PATCH', body: { publishAt: later.toISOString() } });
    expect(patched.status).toBe(200);
    expect((await patched.json()).publishAtLocal).toBe(formatHanoi(later));
    expect((await api(`/api/publications/${cancelled.id}/cancel`, { method: 'POST' })).status).toBe(200);

    await sleep(first.getTime() + 1500 - Date.now());
    expect(videoSends().length).toBe(before); // nothing at the old time
    await waitUntil(() => videoSends().length > before, { timeoutMs: 10_000 });
    expect(videoSends()[before]!.at).toBeGreaterThanOrEqual(later.getTime() - 50);
    await sleep(1500);
    expect(videoSends().length - before).toBe(1);
    expect((await publication(cancelled.id)).state).toBe('cancelled');
    expect((await publication(moved.id)).state).toBe('published');
    // A cancelled publication cannot be moved or sent any more.
    expect((await api(`/api/publications/${cancelled.id}/publish-now`, { method: 'POST' })).status).toBe(409);
  });

  it('still sends all 20 waiting publications once, at most 5 s late, after Redis is flushed', async () => {
    const before = videoSends().length;
    const due = Date.now() + 3000;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const p = await (await api('/api/publications', { body: { clipId: clip.id, publishAt: new Date(due + i * 50).toISOString() } })).json();
      ids.push(p.id);
    }
    const redis = new Redis(redisUrl);
    await redis.flushdb(); // every delayed job is gone
    redis.disconnect();
    await waitUntil(() => videoSends().length - before >= 20, { timeoutMs: 20_000 });
    await sleep(1000);
    expect(videoSends().length - before).toBe(20);
    const rows = await prisma.publication.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.state === 'published')).toBe(true);
    expect(new Set(rows.map((r) => r.messageId)).size).toBe(20);
    const lateness = rows.map((r) => r.publishedAt!.getTime() - r.publishAt.getTime());
    expect(Math.max(...lateness)).toBeLessThanOrEqual(5000);
  });

  it('posts once when two workers race for the same publications', async () => {
    const second = await startApp(config, 'worker');
    try {
      const before = videoSends().length;
      const alarms = staffNotices().filter((text) => text.startsWith('❓')).length;
      const at = new Date(Date.now() + 1500).toISOString();
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await (await api('/api/publications', { body: { clipId: clip.id, publishAt: at } })).json()).id);
      await waitUntil(async () => (await prisma.publication.count({ where: { id: { in: ids }, state: 'published' } })) === 10);
      // Ten more, due now, each sent by three contenders at the same moment (as duplicate jobs would),
      // while both workers' reconcilers may queue them too.
      const deps = directDeps();
      const rows = await Promise.all(
        Array.from({ length: 10 }, () => prisma.publication.create({ data: { clipId: clip.id, target: 'telegram', publishAt: new Date() } })),
      );
      ids.push(...rows.map((r) => r.id));
      const outcomes = await Promise.all(rows.flatMap((r) => [1, 2, 3].map(() => publishPublication(deps, r.id).catch(() => 'error'))));
      expect(outcomes.filter((o) => o === 'published').length).toBeLessThanOrEqual(10);
      await waitUntil(async () => (await prisma.publication.count({ where: { id: { in: ids }, state: 'published' } })) === 20);
      await sleep(1000);
      expect(videoSends().length - before).toBe(20);
      expect(await prisma.publication.count({ where: { id: { in: ids }, state: 'unknown' } })).toBe(0);
      // A contender that finds another mid-send (its lease live) leaves it alone: no false alarm.
      expect(staffNotices().filter((text) => text.startsWith('❓')).length).toBe(alarms);
    } finally {
      await second.close();
    }
  });

  it('waits out a storm of 429s and sends every post once', async () => {
    const before = videoSends().length;
    const failuresBefore = telegram.failures.length;
    telegram.failNext('sendVideo', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 6);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await (await api('/api/publications', { body: { clipId: clip.id, publishAt: new Date().toISOString() } })).json()).id);
    await waitUntil(async () => (await prisma.publication.count({ where: { id: { in: ids }, state: 'published' } })) === 3, { timeoutMs: 30_000 });
    expect(telegram.failures.length - failuresBefore).toBe(6);
    expect(videoSends().length - before).toBe(3);
  });
});

describe('when things go wrong', () => {
  it('fails at once on a permanent error, with the reason for staff and in their chat', async () => {
    const failuresBefore = telegram.failures.length;
    telegram.failNext('sendVideo', { error_code: 400, description: 'Bad Request: chat not found' }, 1);
    const p = await (await api('/api/publications', { body: { clipId: clip.id, publishAt: new Date().toISOString() } })).json();
    const failed = await waitUntil(async () => {
      const view = await publication(p.id);
      return view.state === 'failed' && view;
    });
    expect(failed).toMatchObject({ resendable: true });
    expect(failed.error).toContain('chat not found');
    expect(telegram.failures.length - failuresBefore).toBe(1); // no retries
    await waitUntil(() => staffNotices().some((text) => text.includes('chat not found') && text.includes('Gốm Bát Tràng bên lò')));
    // Staff fix the channel and resend it.
    expect((await api(`/api/publications/${p.id}/resend`, { method: 'POST' })).status).toBe(200);
    await waitUntil(async () => (await publication(p.id)).state === 'published');
  });

  it('leaves a post whose worker died mid-send "unknown" for staff, and resends only when asked', async () => {
    // Claimed by a sender whose lease lapsed 10 s ago: it died, and its job is gone.
    const p = await prisma.publication.create({
      data: { clipId: clip.id, target: 'telegram', publishAt: new Date(Date.now() - 60_000), state: 'publishing', leaseUntil: new Date(Date.now() - 10_000) },
    });
    const before = videoSends().length;
    // The reconciler finds the lapsed lease; the worker marks it unknown instead of posting again.
    const unknown = await waitUntil(
      async () => {
        const view = await publication(p.id);
        return view.state === 'unknown' && view;
      },
      { timeoutMs: 15_000 },
    );
    expect(unknown.resendable).toBe(true);
    expect(videoSends().length).toBe(before);
    await waitUntil(() => staffNotices().some((text) => text.startsWith('❓')));
    expect((await api(`/api/publications/${p.id}/resend`, { method: 'POST' })).status).toBe(200);
    await waitUntil(async () => (await publication(p.id)).state === 'published');
    expect(videoSends().length - before).toBe(1);
  });

  it('leaves a publication another sender holds (its lease live) alone, and takes it for abandoned once the lease lapses', async () => {
    const deps = directDeps();
    const p = await prisma.publication.create({
      data: { clipId: clip.id, target: 'telegram', publishAt: new Date(), state: 'publishing', leaseUntil: new Date(Date.now() + 20_000) },
    });
    expect(await publishPublication(deps, p.id)).toBe('skipped');
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: p.id } })).state).toBe('publishing');
    await prisma.publication.update({ where: { id: p.id }, data: { leaseUntil: new Date(Date.now() - 1) } });
    expect(await publishPublication(deps, p.id)).toBe('unknown');
    await prisma.publication.update({ where: { id: p.id }, data: { state: 'cancelled' } });
  });

  it('marks a publication late while its clip is still processing, tells staff, and posts it when ready', async () => {
    const slow = await uploadClip('lua-van-phuc', { seconds: 12, width: 1920, height: 1080 }, { title: 'Dệt lụa Vạn Phúc', village: 'van-phuc' });
    const p = await (await api('/api/publications', { body: { clipId: slow.id, publishAt: new Date().toISOString() } })).json();
    const late = await waitUntil(async () => {
      const view = await publication(p.id);
      return view.late && view;
    });
    expect(late.state).toBe('scheduled');
    expect(['queued', 'processing']).toContain(await clipState(slow.id));
    await waitUntil(() => staffNotices().some((text) => text.startsWith('⏰') && text.includes('Dệt lụa Vạn Phúc')));
    await waitUntil(async () => (await clipState(slow.id)) === 'ready', { timeoutMs: 60_000 });
    const published = await waitUntil(async () => {
      const view = await publication(p.id);
      return view.state === 'published' && view;
    });
    expect(published.late).toBe(true);
    expect(new Date(published.publishedAt).getTime() - Date.now()).toBeLessThan(5000);
  });

  it("refuses at scheduling time a video over the cloud Bot API's 50 MB, saying why", async () => {
    const big = await prisma.clip.create({
      data: {
        title: 'Big',
        sourceName: 'big.mp4',
        sourceBytes: 1n,
        state: 'ready',
        renditions: {
          create: [
            { kind: '720p', path: 'clips/x/720p.mp4', mimeType: 'video/mp4', width: 1280, height: 720, bytes: BigInt(60 * 1024 * 1024), durationSec: 600 },
          ],
        },
      },
    });
    const response = await api('/api/publications', { body: { clipId: big.id, publishAt: 'next' } });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toMatch(/60 MB.*50 MB.*TELEGRAM_LOCAL_MODE/);
    expect(await prisma.publication.count({ where: { clipId: big.id } })).toBe(0);
  });

  it('names every bad input', async () => {
    const bad = async (body: unknown) => (await api('/api/publications', { body })).json();
    expect((await bad({ clipId: clip.id, publishAt: 'tomorrow' })).message).toContain('publishAt');
    expect((await bad({ clipId: clip.id, target: 'facebook', publishAt: 'next' })).message).toContain('target must be one of telegram, zalo');
    expect((await bad({ clipId: clip.id, publishAt: '2020-01-01 08:00' })).message).toContain('has passed');
    expect(await api('/api/publications', { body: { clipId: clip.id, publishAt: 'next' }, method: 'POST' }).then((r) => r.status)).toBe(201);
    expect((await fetch(`${app.url}/api/publications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });
});

describe('planning', () => {
  it('reads times as Hanoi time and lists a week of publications with their local times', async () => {
    const local = formatHanoi(new Date(Date.now() + 3 * 24 * 3600_000)).slice(0, 10) + ' 21:15';
    const p = await (await api('/api/publications', { body: { clipId: clip.id, publishAt: local } })).json();
    expect(p.publishAtLocal).toBe(local);
    expect(new Date(p.publishAt).getUTCHours()).toBe(14); // 21:15 in Hanoi is 14:15 UTC
    const week = await (await api(`/api/publications?week=${local.slice(0, 10)}`)).json();
    expect(week.publications.map((x: { id: string }) => x.id)).toContain(p.id);
    const day = await (await api(`/api/publications?day=${local.slice(0, 10)}&target=zalo`)).json();
    expect(day.publications.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('keeps per-target slots and finds the next free one', async () => {
    const set = await api('/api/targets/zalo/slots', { method: 'PUT', body: { slots: ['18:00', '09:00'] } });
    expect(await set.json()).toEqual({ target: 'zalo', slots: ['09:00', '18:00'] });
    expect((await api('/api/targets/zalo/slots', { method: 'PUT', body: { slots: ['9am'] } })).status).toBe(400);
    const first = await (await api('/api/targets/zalo/next-slot')).json();
    expect(first.publishAtLocal).toMatch(/ (09|18):00$/);
    await api('/api/publications', { body: { clipId: clip.id, target: 'zalo', publishAt: first.publishAt } });
    const second = await (await api('/api/targets/zalo/next-slot')).json();
    expect(new Date(second.publishAt).getTime()).toBeGreaterThan(new Date(first.publishAt).getTime());
    const targets = await (await api('/api/targets')).json();
    expect(targets.targets).toEqual([
      { target: 'telegram', configured: true, slots: ['08:00', '12:00', '19:30'] },
      { target: 'zalo', configured: true, slots: ['09:00', '18:00'] },
      // The public vlog pages: always there, with the default slots.
      { target: 'web', configured: true, slots: ['08:00', '12:00', '19:30'] },
    ]);
  });

  it('schedules from a CSV all or nothing, naming every bad line', async () => {
    const count = await prisma.publication.count();
    const day = formatHanoi(new Date(Date.now() + 5 * 24 * 3600_000)).slice(0, 10);
    const bad = await api('/api/publications/bulk', {
      csv: `clip,target,time\n${clip.id},telegram,${day} 08:00\n${clip.id},facebook,next slot\n${clip.id},zalo,someday\nnot-a-clip,telegram,next slot\n`,
    });
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.problems.map((p: { line: number }) => p.line)).toEqual([3, 4, 5]);
    expect(body.message).toContain('line 3: target "facebook"');
    expect(await prisma.publication.count()).toBe(count);

    const good = await api('/api/publications/bulk', {
      csv: `clip,target,time\n${clip.id},zalo,next slot\n${clip.id},zalo,next slot\n${clip.id},telegram,${day} 08:00\n`,
    });
    expect(good.status).toBe(201);
    const created = await good.json();
    expect(created.created).toBe(3);
    const [a, b] = created.publications;
    expect(a.publishAtLocal).not.toBe(b.publishAtLocal); // two "next slot" lines take two slots
    expect(created.publications[2].publishAtLocal).toBe(`${day} 08:00`);
    // Out of the way of the tests below.
    for (const p of created.publications) await api(`/api/publications/${p.id}/cancel`, { method: 'POST' });
  });
});

describe('Zalo subscribers', () => {
  const event = (userId: string, text: string) =>
    JSON.stringify({
      event_name: 'user_send_text',
      app_id: ZALO_APP_ID,
      sender: { id: userId },
      recipient: { id: '3662729599332560487' },
      message: { text, msg_id: `m${Date.now()}${Math.random().toString(36).slice(2, 6)}` },
      timestamp: String(Date.now()),
    });
  const write = async (userId: string, text: string) => {
    const raw = event(userId, text);
    const response = await fetch(`${app.url}/zalo/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zevent-signature': `mac=${zaloSignature(ZALO_APP_ID, raw, JSON.parse(raw).timestamp, ZALO_OA_SECRET)}`,
      },
      body: raw,
    });
    expect(response.status).toBe(200);
    await app.settled();
  };
  const listsTo = (userId: string) =>
    zalo.sends.filter((s) => s.body.recipient.user_id === userId && s.body.message.attachment?.payload?.template_type === 'list');

  it('subscribes a follower who asks, and sends them each new vlog with its poster and page', async () => {
    const fan = '6142494823000009001';
    await write(fan, 'Đăng ký vlog');
    expect(zalo.sends.at(-1)!.body.message.text).toBe(messages.t('vi', 'vlog-subscribed'));
    const p = await (await api('/api/publications', { body: { clipId: clip.id, target: 'zalo', publishAt: new Date().toISOString() } })).json();
    const [list] = await waitUntil(() => listsTo(fan).length > 0 && listsTo(fan));
    const element = list!.body.message.attachment.payload.elements[0];
    expect(element.title).toBe('🎬 Gốm Bát Tràng bên lò');
    expect(element.image_url).toMatch(new RegExp(`^${PUBLIC_URL}/media/clips/${clip.id}/poster\\.jpg$`));
    expect(element.default_action.url).toMatch(new RegExp(`^${PUBLIC_URL}/vlogs/gom-bat-trang-ben-lo-[0-9a-f]{6}\\?lang=vi$`));
    expect(list!.body.message.quote_message_id).toBeTruthy(); // a reply within the window, not a paid message
    const view = await waitUntil(async () => {
      const v = await publication(p.id);
      return v.state === 'published' && v;
    });
    expect(view.messageId).toMatch(/^\d+ subscribers$/);
  });

  it('holds a vlog for a subscriber outside the reply window until they write, then sends it once', async () => {
    const quiet = '6142494823000009002';
    await prisma.vlogSubscriber.create({ data: { channel: 'zalo', userId: quiet, lang: 'en' } });
    const p = await (await api('/api/publications', { body: { clipId: clip.id, target: 'zalo', publishAt: new Date().toISOString() } })).json();
    await waitUntil(async () => (await publication(p.id)).state === 'published');
    expect(listsTo(quiet)).toHaveLength(0);
    expect(await prisma.vlogDelivery.findFirst({ where: { publicationId: p.id, userId: quiet } })).toMatchObject({ status: 'held' });
    await write(quiet, 'hello');
    const [list] = await waitUntil(() => listsTo(quiet).length > 0 && listsTo(quiet));
    expect(list!.body.message.attachment.payload.elements[0].default_action.url).toContain('?lang=en');
    await write(quiet, 'thanks');
    expect(listsTo(quiet)).toHaveLength(1);
  });

  it('stops when a follower unsubscribes', async () => {
    const fan = '6142494823000009001';
    await write(fan, 'hủy đăng ký');
    expect(zalo.sends.at(-1)!.body.message.text).toBe(messages.t('vi', 'vlog-unsubscribed'));
    expect(await prisma.vlogSubscriber.count({ where: { userId: fan } })).toBe(0);
  });

  it('fails after one try a vlog Zalo refuses for good (-201, not a user of this OA), while the other subscribers get theirs', async () => {
    const fans = ['6142494823000009003', '6142494823000009004', '6142494823000009005'];
    for (const fan of fans) await write(fan, 'Đăng ký vlog');
    const refusals = () => zalo.attempts.filter((a) => a.error === -201).length;
    const refusalsBefore = refusals();
    zalo.failNext(-201);
    const p = await (await api('/api/publications', { body: { clipId: clip.id, target: 'zalo', publishAt: new Date().toISOString() } })).json();
    await waitUntil(async () => (await publication(p.id)).state === 'published');
    const deliveries = await prisma.vlogDelivery.findMany({ where: { publicationId: p.id } });
    const failed = deliveries.filter((d) => d.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toContain('-201');
    expect(refusals() - refusalsBefore).toBe(1);
    const refused = failed[0]!.userId;
    for (const fan of fans.filter((f) => f !== refused)) {
      expect(deliveries.find((d) => d.userId === fan)).toMatchObject({ status: 'sent' });
      expect(listsTo(fan).length).toBeGreaterThan(0);
    }
    // Their next message opens the window, and still nothing is tried again.
    const listsBefore = listsTo(refused).length;
    await write(refused, 'xin chào');
    expect(listsTo(refused)).toHaveLength(listsBefore);
    expect(refusals() - refusalsBefore).toBe(1);
    expect(await prisma.vlogDelivery.findUniqueOrThrow({ where: { id: failed[0]!.id } })).toMatchObject({ status: 'failed' });
  });
});

describe('the public channel pages', () => {
  it('lists published vlogs, newest first, in Vietnamese and English', async () => {
    const vi = await fetch(`${app.url}/vlogs`);
    expect(vi.status).toBe(200);
    const html = await vi.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Gốm Bát Tràng bên lò');
    expect(html).toContain(messages.t('vi', 'vlogs-title'));
    expect(html).not.toContain('>Big<'); // never published
    const en = await (await fetch(`${app.url}/vlogs`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(en).toContain(messages.t('en', 'vlogs-title'));
  });

  it('plays a vlog from its renditions, served with range requests', async () => {
    const { slug } = await prisma.clip.findUniqueOrThrow({ where: { id: clip.id } });
    const html = await (await fetch(`${app.url}/vlogs/${slug}?lang=en`)).text();
    expect(html).toContain('<video controls playsinline preload="metadata" poster="/media/clips/');
    const source = /<source src="([^"]+720p\.mp4)" type="video\/mp4"/.exec(html)?.[1];
    expect(source).toBeDefined();
    const ranged = await fetch(`${app.url}${source}`, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    expect(html).toContain('href="/villages/bat-trang?lang=en">Bát Tràng');
    expect((await fetch(`${app.url}/vlogs/no-such-vlog`)).status).toBe(404);
  });

  it('offers an RSS feed with the videos as enclosures', async () => {
    const response = await fetch(`${app.url}/vlogs/feed.xml?lang=en`);
    expect(response.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await response.text();
    expect(xml).toContain('<rss version="2.0"');
    const enclosure = new RegExp(`<enclosure [^>]*url="${PUBLIC_URL}/media/clips/${clip.id}/720p\\.mp4"[^>]*>`).exec(xml)?.[0];
    expect(enclosure).toContain('type="video/mp4"');
    const { bytes } = await prisma.rendition.findFirstOrThrow({ where: { clipId: clip.id, kind: '720p' } });
    expect(enclosure).toContain(`length="${bytes}"`);
    expect(xml).toContain('<title><![CDATA[Gốm Bát Tràng bên lò]]></title>');
  });

  it('shows the village page the captions link to, with its sources', async () => {
    const html = await (await fetch(`${app.url}/villages/bat-trang`)).text();
    expect(html).toContain('<h1>Bát Tràng</h1>');
    expect(html).toMatch(/<a href="https?:\/\/[^"]+" rel="noopener nofollow">/);
    expect(html).toContain('Gốm Bát Tràng bên lò'); // its vlogs
    expect((await fetch(`${app.url}/villages/nowhere`)).status).toBe(404);
  });
});

/** The publishing service as a worker builds it, for calling it directly. */
function directDeps(): PublishDeps {
  const repos = createRepositories(prisma);
  return {
    publications: repos.publications,
    vlogSubscribers: repos.vlogSubscribers,
    mediaDir: config.MEDIA_DIR,
    logger: createLogger({ level: 'silent', secrets: [] }),
    messages,
    telegram: createTelegramPublisher({ token: config.TELEGRAM_BOT_TOKEN!, apiRoot: telegram.url, channelId: CHANNEL }),
    telegramLocalMode: false,
    tellStaff: async () => {},
  };
}
