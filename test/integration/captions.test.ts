// Captions out (issue 19) on the real PostgreSQL, Redis, BullMQ and ffmpeg, with a fake Telegram: staff
// attach SRT or WebVTT per language, the vlog page and feed offer them, and a clip that asks for burned
// captions gets a 720p with them drawn in, which is what the channel is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import type { Config } from '../../src/config.js';
import { addStaffFor } from '../helpers/staff.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { makeTestClip, probeFile } from '../helpers/media.js';
import { waitUntil } from '../helpers/wait.js';
import { testConfig } from '../helpers/test-env.js';

const work = mkdtempSync(join(tmpdir(), 'langnghe-captions-'));
let telegram: FakeTelegram;
let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let token: string;
let clipId: string;

const SRT = `1
00:00:00,200 --> 00:00:01,000
Nghệ nhân vuốt bình <font color="red">gốm</font>

2
00:00:01,100 --> 00:00:01,900
ở Bát Tràng & Hà Nội
`;

const auth = () => ({ authorization: `Bearer ${token}` });
const api = (path: string, init: { method?: string; json?: unknown; text?: string | Uint8Array; type?: string } = {}) =>
  fetch(`${app.url}${path}`, {
    method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'),
    headers: { ...auth(), ...(init.json !== undefined ? { 'content-type': 'application/json' } : init.type ? { 'content-type': init.type } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : (init.text as BodyInit | undefined),
  });
const clipView = async () => (await api(`/api/clips/${clipId}`)).json();

beforeAll(async () => {
  telegram = await startFakeTelegram();
  config = testConfig({
    TELEGRAM_BOT_TOKEN: '123456:TEST-captions',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: 'captions-secret',
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_CHANNEL_ID: '-1001112223334',
    TELEGRAM_STAFF_CHAT_ID: '-1005550009',
    PUBLIC_URL: 'https://langnghe.example.vn',
    JOB_LOCK_SECONDS: '10',
  });
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'all');
  token = (await addStaffFor(prisma, 'Captioner')).token;
  const path = await makeTestClip(join(work, 'bat-trang.mp4'), { seconds: 2, width: 1280, height: 720 });
  const form = new FormData();
  form.append('title', 'Bàn xoay ở Bát Tràng');
  form.append('village', 'bat-trang');
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), 'bat-trang.mp4');
  const response = await fetch(`${app.url}/api/clips`, { method: 'POST', headers: auth(), body: form });
  expect(response.status).toBe(201);
  clipId = (await response.json()).id;
  await waitUntil(async () => (await clipView()).state === 'ready', { timeoutMs: 60_000 });
}, 90_000);

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await telegram?.close();
  rmSync(work, { recursive: true, force: true });
  if (config) rmSync(config.MEDIA_DIR, { recursive: true, force: true });
});

describe('attaching captions', () => {
  it('takes an SRT as WebVTT: 201 the first time, 200 after, listed with the clip and served as text/vtt', async () => {
    const first = await api(`/api/clips/${clipId}/captions/vi`, { method: 'PUT', text: SRT, type: 'application/x-subrip' });
    expect(first.status).toBe(201);
    const stored = await first.json();
    expect(stored).toMatchObject({ lang: 'vi', cues: 2, url: `https://langnghe.example.vn/media/clips/${clipId}/captions-vi.vtt` });
    const again = await api(`/api/clips/${clipId}/captions/vi`, { method: 'PUT', text: SRT, type: 'text/plain' });
    expect(again.status).toBe(200);

    expect((await clipView()).captions).toEqual([{ lang: 'vi', cues: 2, url: stored.url }]);
    const served = await fetch(`${app.url}/media/clips/${clipId}/captions-vi.vtt`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const vtt = await served.text();
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.200 --> 00:00:01.000\nNghệ nhân vuốt bình gốm\n')).toBe(true);
    expect(vtt).toContain('ở Bát Tràng &amp; Hà Nội');
  });

  it('refuses a bad file with 422 naming the line, and stores nothing', async () => {
    const bad = await api(`/api/clips/${clipId}/captions/en`, {
      method: 'PUT',
      text: '1\n00:00:00,200 --> 00:00:01,000\nOne\n\n2\n00:00:01.1 -> 2\nTwo\n',
      type: 'text/plain',
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: 'bad_captions', line: 6, message: expect.stringContaining('line 6') });
    expect((await clipView()).captions.map((c: { lang: string }) => c.lang)).toEqual(['vi']);
    expect(existsSync(join(config.MEDIA_DIR, 'clips', clipId, 'captions-en.vtt'))).toBe(false);
  });

  it('answers 404 for a language other than vi and en or an unknown clip, and 413 beyond 1 MB', async () => {
    expect((await api(`/api/clips/${clipId}/captions/fr`, { method: 'PUT', text: SRT })).status).toBe(404);
    expect((await api(`/api/clips/00000000-0000-4000-8000-000000000000/captions/vi`, { method: 'PUT', text: SRT })).status).toBe(404);
    expect((await api(`/api/clips/${clipId}/captions/en`, { method: 'PUT', text: 'a'.repeat(1024 * 1024 + 10), type: 'text/plain' })).status).toBe(413);
  });

  it('deletes one language', async () => {
    expect(
      (await api(`/api/clips/${clipId}/captions/en`, { method: 'PUT', text: 'WEBVTT\n\n00:00.500 --> 00:01.500\nThe wheel\n', type: 'text/vtt' })).status,
    ).toBe(201);
    expect((await api(`/api/clips/${clipId}/captions/en`, { method: 'DELETE' })).status).toBe(204);
    expect((await clipView()).captions.map((c: { lang: string }) => c.lang)).toEqual(['vi']);
    expect((await api(`/api/clips/${clipId}/captions/en`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('captions burned into the Telegram video', () => {
  it('refuses a burnCaptions that is not vi, en or null', async () => {
    const response = await api(`/api/clips/${clipId}`, { method: 'PATCH', json: { burnCaptions: 'fr' } });
    expect(response.status).toBe(400);
  });

  it('takes the burn-in choice with the upload, and refuses one that is not vi or en there too', async () => {
    const upload = async (burnCaptions: string) => {
      const form = new FormData();
      form.append('title', `Burned at upload (${burnCaptions})`);
      form.append('burnCaptions', burnCaptions);
      const path = await makeTestClip(join(work, `upload-${burnCaptions}.mp4`), { seconds: 1, width: 640, height: 360 });
      form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), 'upload.mp4');
      return fetch(`${app.url}/api/clips`, { method: 'POST', headers: auth(), body: form });
    };
    const refused = await upload('fr');
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/burnCaptions: must be "vi" or "en"/);
    const taken = await upload('en');
    expect(taken.status).toBe(201);
    const clip = await taken.json();
    expect(clip.burnCaptions).toBe('en');
    expect((await api(`/api/clips/${clip.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('makes the 720p with the captions burned in once asked: H.264 of the 720p size and length', async () => {
    const patched = await (await api(`/api/clips/${clipId}`, { method: 'PATCH', json: { burnCaptions: 'vi' } })).json();
    expect(patched.burnCaptions).toBe('vi');
    const burned = await waitUntil(async () => (await clipView()).renditions.find((r: { kind: string }) => r.kind === '720p-captions-vi'), {
      timeoutMs: 60_000,
    });
    const plainFile = join(config.MEDIA_DIR, 'clips', clipId, '720p.mp4');
    const burnedFile = join(config.MEDIA_DIR, 'clips', clipId, '720p-captions-vi.mp4');
    expect(burned.bytes).toBe(statSync(burnedFile).size);
    const [plain, made] = await Promise.all([probeFile(plainFile), probeFile(burnedFile)]);
    const video = made.streams.find((s) => s.codec_type === 'video')!;
    expect(video).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' });
    expect(made.streams.some((s) => s.codec_type === 'audio')).toBe(true);
    expect(Math.abs(Number(made.format.duration) - Number(plain.format.duration))).toBeLessThan(0.1);
  }, 90_000);

  it('sends the burned video to the channel, keeping the plain 720p file_id apart', async () => {
    const before = telegram.callsTo('sendVideo').length;
    const created = await api('/api/publications', { json: { clipId, target: 'telegram', publishAt: new Date(Date.now() + 1000).toISOString() } });
    expect(created.status).toBe(201);
    const [sent] = (await waitUntil(() => telegram.callsTo('sendVideo').length > before && telegram.callsTo('sendVideo').slice(before), {
      timeoutMs: 30_000,
    }))!;
    expect(sent!.files.video?.bytes).toBe(statSync(join(config.MEDIA_DIR, 'clips', clipId, '720p-captions-vi.mp4')).size);
    // The file_id Telegram gave is the burned video's: the plain 720p's slot stays empty.
    expect((await prisma.clip.findUniqueOrThrow({ where: { id: clipId } })).telegramFileId).toBeNull();
  }, 60_000);

  it('waits for new captions to be burned before posting, then sends the new video', async () => {
    const newer = SRT.replace('ở Bát Tràng', 'ở làng gốm Bát Tràng');
    expect((await api(`/api/clips/${clipId}/captions/vi`, { method: 'PUT', text: newer, type: 'text/plain' })).status).toBe(200);
    // The video burned from the old captions is gone at once.
    expect((await clipView()).renditions.some((r: { kind: string }) => r.kind === '720p-captions-vi')).toBe(false);
    const before = telegram.callsTo('sendVideo').length;
    const created = await (
      await api('/api/publications', { json: { clipId, target: 'telegram', publishAt: new Date(Date.now() + 300).toISOString() } })
    ).json();
    const [sent] = (await waitUntil(() => telegram.callsTo('sendVideo').length > before && telegram.callsTo('sendVideo').slice(before), {
      timeoutMs: 60_000,
    }))!;
    const burned = (await clipView()).renditions.find((r: { kind: string }) => r.kind === '720p-captions-vi');
    expect(burned).toBeDefined();
    expect(sent!.files.video?.bytes).toBe(burned.bytes);
    expect((await (await api(`/api/publications/${created.id}`)).json()).state).toBe('published');
    // It waited (the burn takes seconds; it was due in 0.3 s), and staff were told why once.
    const told = telegram.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === '-1005550009' && /phụ đề/.test(String(c.params.text)));
    expect(told).toHaveLength(1);
  }, 90_000);
});

describe('the public vlog page and feed', () => {
  it('offers the captions as <track>s, the page language by default, and links them in the RSS item', async () => {
    const created = await api('/api/publications', { json: { clipId, target: 'web', publishAt: new Date(Date.now() + 500).toISOString() } });
    expect(created.status).toBe(201);
    const slug = await waitUntil(
      async () =>
        (await prisma.publication.count({ where: { clipId, target: 'web', state: 'published' } })) &&
        (await prisma.clip.findUniqueOrThrow({ where: { id: clipId } })).slug,
      { timeoutMs: 20_000 },
    );
    const page = await fetch(`${app.url}/vlogs/${slug}?lang=vi`);
    const html = await page.text();
    expect(html).toContain(`<track kind="subtitles" srclang="vi" label="Tiếng Việt" src="/media/clips/${clipId}/captions-vi.vtt" default>`);
    // The web keeps the plain video: the burned one is the channel's.
    expect(html).not.toContain('720p-captions');
    expect(page.headers.get('content-security-policy')).toContain("media-src 'self'");
    const feed = await (await fetch(`${app.url}/vlogs/feed.xml`)).text();
    expect(feed).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(feed).toContain(`<media:subTitle type="text/vtt" lang="vi" href="https://langnghe.example.vn/media/clips/${clipId}/captions-vi.vtt"/>`);
  }, 40_000);
});
