// The staff console in a real browser (Debian's Chromium through playwright-core) against the whole
// server with its workers, PostgreSQL, Redis and ffmpeg, and a fake Bot API: signing in, uploading with a
// reload half-way, watching the clip become ready, scheduling from the calendar, roles and CSRF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { formatHanoi } from '../../src/domain/publishing/hanoi-time.js';
import { Messages } from '../../src/i18n/messages.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { makeTestClip } from '../helpers/media.js';
import { TEST_REDIS_URL, testConfig } from '../helpers/test-env.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { waitUntil } from '../helpers/wait.js';

const CHANNEL = '-1004440001';
const EDITOR = { email: 'bien.tap@langnghe.test', password: 'gom-bat-trang-2030' };
const ADMIN = { email: 'quan.tri@langnghe.test', password: 'lua-van-phuc-2030' };
const messages = new Messages('content/locales');
const vi = (id: string, args?: Record<string, string | number>) => messages.t('vi', id, args);
const work = mkdtempSync(join(tmpdir(), 'langnghe-console-'));

let telegram: FakeTelegram;
let app: RunningApp;
let prisma: PrismaClient;
let browser: Browser;
let adminToken: string;
let clipPath: string;

async function signedIn(who: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/console/login`);
  await page.fill('input[name=email]', who.email);
  await page.fill('input[name=password]', who.password);
  await Promise.all([page.waitForURL(/\/console\/clips$/), page.click('form.stack button[type=submit]')]);
  return { context, page };
}
const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'lns_session');
/** Every text the upload list shows, as it changes (progress is written into the status line). */
const recordUploadStatus = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
    new MutationObserver(() => document.querySelectorAll('#upload-queue .status').forEach((s) => seen.push(s.textContent ?? ''))).observe(
      document.getElementById('upload-queue')!,
      { subtree: true, childList: true, characterData: true },
    );
  });
const uploadStatus = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

beforeAll(async () => {
  telegram = await startFakeTelegram();
  const config = testConfig({
    REDIS_URL: Object.assign(new URL(TEST_REDIS_URL), { pathname: '/6' }).toString(),
    TELEGRAM_BOT_TOKEN: '123456:TEST-console',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: 'console-secret',
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_CHANNEL_ID: CHANNEL,
  });
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'all');
  await addStaffFor(prisma, 'Thu Hà', { email: EDITOR.email, role: 'editor', password: EDITOR.password });
  adminToken = (await addStaffFor(prisma, 'Minh Quân', { email: ADMIN.email, role: 'admin', password: ADMIN.password })).token;
  // About 28 MB: four tus chunks, so the progress bar has somewhere to move.
  clipPath = await makeTestClip(join(work, 'lo-gom-dem.mp4'), { seconds: 4, grain: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await prisma?.$disconnect();
  await telegram?.close();
});

describe("a clip's page", () => {
  it('folds a failure\'s detail, follows the clip live after "retry", and edits and deletes the clip', async () => {
    const form = new FormData();
    form.append('title', 'Lò gốm buổi sáng');
    // A file of its own: the upload test below must not find its clip a duplicate of this one.
    const path = await makeTestClip(join(work, 'lo-gom-sang.mp4'), { seconds: 2 });
    form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), 'lo-gom-sang.mp4');
    const created = (await (
      await fetch(`${app.url}/api/clips`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: form })
    ).json()) as { id: string };
    await waitUntil(async () => (await prisma.clip.findUniqueOrThrow({ where: { id: created.id } })).state === 'ready', {
      timeoutMs: 60_000,
      what: 'the clip to be ready',
    });
    // As the worker leaves a clip whose tries ran out.
    await prisma.clip.update({
      where: { id: created.id },
      data: { state: 'failed', error: 'ffmpeg exited with code 1', errorDetail: 'Error while opening encoder for output stream #0:0' },
    });

    const { context, page } = await signedIn(ADMIN);
    await page.goto(`${app.url}/console/clips/${created.id}`);
    expect(await page.textContent('[data-when-failed] p')).toContain(vi('clip-failure', { code: 'ffmpeg_failed' }));
    expect(await page.isVisible('details pre')).toBe(false); // folded until asked for
    await page.click('[data-when-failed] summary');
    expect(await page.textContent('details pre')).toContain('Error while opening encoder');

    // "Retry": the page follows the clip through the queue to ready, and shows its videos, by itself.
    await page.click('[data-when-failed] button[type=submit]');
    const ready = vi('console-state-ready');
    await page.waitForFunction((text) => document.querySelector('#clip-live [data-field="state"]')?.textContent === text, ready, { timeout: 60_000 });
    expect(await page.isVisible('[data-when-failed]')).toBe(false);
    expect(await page.locator('video').count()).toBeGreaterThan(0);
    await screenshot(page, 'console-clip-after-retry');

    await page.click('text=' + vi('console-clip-edit'));
    await page.fill('input[name=title]', 'Lò gốm Bát Tràng buổi sáng');
    await page.fill('input[name=village]', 'bat-trang');
    await page.fill('input[name=tags]', 'gốm, lò');
    await Promise.all([page.waitForURL(new RegExp(`/console/clips/${created.id}$`)), page.click('form[action$="/edit"] button[type=submit]')]);
    expect(await page.textContent('h1')).toBe('Lò gốm Bát Tràng buổi sáng');
    expect(await prisma.clip.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ villageId: 'bat-trang', tags: ['gốm', 'lò'] });

    await page.click('text=' + vi('console-clip-delete'));
    await Promise.all([page.waitForURL(/\/console\/clips$/), page.click('form[action$="/delete"] button[type=submit]')]);
    expect(await page.textContent('main')).toContain(vi('console-clip-deleted'));
    expect(await prisma.clip.findUnique({ where: { id: created.id } })).toBeNull();
    await context.close();
  }, 120_000);
});

describe('the staff console', () => {
  it('refuses a wrong password with a clear message and starts no session', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${app.url}/console/clips`);
    expect(page.url()).toContain('/console/login');
    await page.fill('input[name=email]', EDITOR.email);
    await page.fill('input[name=password]', 'not-the-password');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/console/login') && r.request().method() === 'POST'),
      page.click('form.stack button[type=submit]'),
    ]);
    expect(response.status()).toBe(401);
    expect(await page.textContent('#login-error')).toBe(vi('console-login-wrong'));
    expect(await sessionCookie(context)).toBeUndefined();
    await screenshot(page, 'console-login-wrong-password');
    await context.close();
  });

  it('uploads a clip with a progress bar that moves, survives a reload half-way, and shows it turn ready live', async () => {
    const { context, page } = await signedIn(EDITOR);
    const cdp = await context.newCDPSession(page);
    // 4 MB/s up: slow enough to reload the page in the middle of the upload.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
    await page.setInputFiles('#file-input', clipPath);
    await page.fill('#upload-queue input.title', 'Lò gốm thắp đêm');
    await page.fill('#upload-village', 'bat-trang');
    await page.fill('#upload-tags', 'gốm, lò nung');
    await recordUploadStatus(page);
    await page.click('#upload-start');
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('#upload-queue progress')?.value) >= 30);
    const before = await uploadStatus(page);
    expect(before.some((text) => /\b([1-9]\d?) %/.test(text))).toBe(true);

    // The page goes away mid-upload; chosen again, the same file carries on from where it stopped.
    await page.reload();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const patches: number[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') patches.push(Number(request.headers()['upload-offset']));
    });
    await page.setInputFiles('#file-input', clipPath);
    await page.fill('#upload-queue input.title', 'Lò gốm thắp đêm');
    await page.fill('#upload-village', 'bat-trang');
    await recordUploadStatus(page);
    await page.click('#upload-start');
    await page.waitForFunction((done) => document.querySelector('#upload-queue .status')?.textContent?.startsWith(done), vi('console-upload-done'), {
      timeout: 30_000,
    });
    expect(patches[0]).toBeGreaterThan(0);
    expect((await uploadStatus(page)).some((text) => text.includes(vi('console-upload-resumed', { percent: '' }).replace(/\s*%$/, '').trim()))).toBe(true);

    // No reload from here: the list follows the worker through server-sent events.
    const row = page.locator('#clip-rows tr[data-clip-id]', { hasText: 'Lò gốm thắp đêm' });
    await row.locator('[data-field=state]', { hasText: vi('console-state-ready') }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'console-clips');
    const clips = await prisma.clip.findMany({ where: { title: 'Lò gốm thắp đêm' } });
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ state: 'ready', villageId: 'bat-trang', tags: ['gốm', 'lò nung'] });

    await page.click(`a[href="/console/clips/${clips[0]!.id}"]`);
    expect(await page.locator('video source[src$="720p.mp4"]').count()).toBe(1);
    await screenshot(page, 'console-clip');
    await context.close();
  });

  it('schedules the clip 5 s ahead from the calendar: it reaches the Bot API and turns published', async () => {
    const { context, page } = await signedIn(EDITOR);
    const clip = await prisma.clip.findFirstOrThrow({ where: { title: 'Lò gốm thắp đêm' } });
    await page.goto(`${app.url}/console/calendar`);
    await page.selectOption('select[name=clipId]', clip.id);
    const at = new Date(Date.now() + 5_000);
    const local = `${formatHanoi(at).replace(' ', 'T')}:${String(at.getUTCSeconds()).padStart(2, '0')}`;
    await page.fill('input[name=publishAt]', local);
    await Promise.all([page.waitForURL(/\/console\/calendar\?week=/), page.click('button[name=when][value=at]')]);
    const publication = await prisma.publication.findFirstOrThrow({ where: { clipId: clip.id } });
    expect(Math.abs(publication.publishAt.getTime() - at.getTime())).toBeLessThan(1_000);
    const node = page.locator(`[data-publication-id="${publication.id}"] [data-field=state]`).first();
    expect(await node.textContent()).toBe(vi('console-publication-scheduled'));

    await node.filter({ hasText: vi('console-publication-published') }).waitFor({ timeout: 30_000 });
    const sent = telegram.callsTo('sendVideo');
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.params.chat_id)).toBe(CHANNEL);
    expect(String(sent[0]!.params.caption)).toMatch(/^Lò gốm thắp đêm/);
    await screenshot(page, 'console-calendar');
    await context.close();
  });

  it('keeps editors out of the artisans page and the admin API', async () => {
    const { context, page } = await signedIn(EDITOR);
    expect(await page.locator('header nav a[href="/console/artisans"]').count()).toBe(0);
    const response = await page.goto(`${app.url}/console/artisans`);
    expect(response!.status()).toBe(403);
    expect(await page.textContent('main')).toContain(vi('console-forbidden'));
    const api = await page.request.get(`${app.url}/api/applicants/00000000-0000-4000-8000-000000000000`);
    expect(api.status()).toBe(403);
    await context.close();
  });

  it('refuses a form or an API call made with the session but without the CSRF token', async () => {
    const { context, page } = await signedIn(EDITOR);
    const clip = await prisma.clip.findFirstOrThrow({ where: { title: 'Lò gốm thắp đêm' } });
    const before = await prisma.publication.count();
    const form = await page.request.post(`${app.url}/console/publications`, { form: { clipId: clip.id, target: 'telegram', when: 'next' }, maxRedirects: 0 });
    expect(form.status()).toBe(403);
    expect(await form.text()).toContain(vi('console-csrf'));
    const json = await page.request.post(`${app.url}/api/publications`, { data: { clipId: clip.id, target: 'telegram', publishAt: 'next' } });
    expect(json.status()).toBe(403);
    expect(await json.json()).toMatchObject({ error: 'csrf' });
    const signOut = await page.request.post(`${app.url}/console/logout`, { maxRedirects: 0 });
    expect(signOut.status()).toBe(403);
    expect(await prisma.publication.count()).toBe(before);

    // The same call with the page's token goes through.
    const token = await page.getAttribute('meta[name=csrf-token]', 'content');
    const withToken = await page.request.post(`${app.url}/api/publications`, {
      data: { clipId: clip.id, target: 'telegram', publishAt: 'next' },
      headers: { 'x-csrf-token': token! },
    });
    expect(withToken.status()).toBe(201);
    await page.request.post(`${app.url}/api/publications/${(await withToken.json()).id}/cancel`, { headers: { 'x-csrf-token': token! } });
    await context.close();
  });

  it('lets an admin record a stage change, which tells the artisan, and see every page', async () => {
    const api = (path: string, body: unknown) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const applicant = await api('/api/applicants', { name: 'Nghệ nhân Tâm', phone: '0912345678', village: 'van-phuc' });
    const application = await api('/api/applications', { applicantId: applicant.id, kind: 'ocop', subject: 'Khăn lụa Vạn Phúc' });
    await prisma.chatLink.create({ data: { applicantId: applicant.id, channel: 'telegram', chatId: '770001' } });

    const { context, page } = await signedIn(ADMIN);
    await page.goto(`${app.url}/console/artisans`);
    const form = page.locator(`form[action="/console/applications/${application.id}/stage"]`);
    await form.locator('select[name=stage]').selectOption('district_assessment');
    await form.locator('input[name=note]').fill('Đã nhận đủ hồ sơ');
    await Promise.all([page.waitForURL(/\/console\/artisans/), form.locator('button').click()]);
    expect(await page.textContent('.flash')).toBe(vi('console-stage-recorded'));
    await expect.poll(() => telegram.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === '770001').length, { timeout: 15_000 }).toBe(1);
    await screenshot(page, 'console-artisans');

    expect((await page.goto(`${app.url}/console/handbook`))!.status()).toBe(200);
    expect(await page.getAttribute('#content-check', 'class')).toBe('flash ok');
    expect(await page.locator('ul.chart .bar').count()).toBeGreaterThan(3);
    await screenshot(page, 'console-handbook');
    expect((await page.goto(`${app.url}/console/staff`))!.status()).toBe(200);
    expect(await page.textContent('main table')).toContain(EDITOR.email);
    await screenshot(page, 'console-staff');
    const queues = await page.goto(`${app.url}/console/queues`);
    expect(queues!.status()).toBe(200);
    await page.getByText('clip-processing').first().waitFor();
    await screenshot(page, 'console-queues');
    // The board's actions pass the console's checks first: refused from another site, done from the page's own.
    const admin = `lns_session=${(await sessionCookie(context))!.value}`;
    const ownOrigin = new URL(`${app.url}`).origin;
    const pause = (origin: string) => fetch(`${app.url}/console/queues/api/queues/maintenance/pause`, { method: 'PUT', headers: { cookie: admin, origin } });
    const paused = async () => {
      const board = (await (await fetch(`${app.url}/console/queues/api/queues`, { headers: { cookie: admin } })).json()) as {
        queues: Array<{ name: string; isPaused: boolean }>;
      };
      return board.queues.find((q) => q.name === 'maintenance')?.isPaused;
    };
    expect((await pause('https://elsewhere.example')).status).toBe(403);
    expect(await paused()).toBe(false);
    expect((await pause(ownOrigin)).status).toBe(200);
    expect(await paused()).toBe(true);
    await fetch(`${app.url}/console/queues/api/queues/maintenance/resume`, { method: 'PUT', headers: { cookie: admin, origin: ownOrigin } });
    expect(await paused()).toBe(false);

    // Signing out ends the session on the server, not only in this browser.
    const cookie = (await sessionCookie(context))!;
    await page.goto(`${app.url}/console/clips`);
    await Promise.all([page.waitForURL(/\/console\/login$/), page.click('header form[action="/console/logout"] button')]);
    const reused = await fetch(`${app.url}/api/clips`, { headers: { cookie: `lns_session=${cookie.value}` } });
    expect(reused.status).toBe(401);
    await context.close();
  });
});
