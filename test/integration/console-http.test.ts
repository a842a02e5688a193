// The console over plain HTTP: `npm run staff -- add` with STAFF_PASSWORD or a one-time password link,
// signing in with a CSRF token, sign-in rate limits shared through Redis, roles on the API, expired
// sessions, the Telegram bot's one-time upload link, and "retry" on a failed clip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { uploadTicketKey } from '../../src/services/staff-chats/upload-ticket-store.js';
import { hashPassword, verifyPassword } from '../../src/services/staff/passwords.js';
import type { Config } from '../../src/config.js';
import { TEST_DATABASE_URL, testConfig } from '../helpers/test-env.js';
import { makeTestClip } from '../helpers/media.js';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobIdFor } from '../../src/jobs/queues.js';
import { Queue } from 'bullmq';
import { CookieJar } from '../helpers/cookie-jar.js';

let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let redis: Redis;

function client() {
  const jar = new CookieJar();
  const request = async (path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...init.headers,
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    return jar.take(response);
  };
  const csrfFrom = async (path: string) => /name="_csrf" value="([^"]+)"/.exec(await (await request(path)).text())?.[1] ?? '';
  return {
    jar,
    request,
    csrfFrom,
    async signIn(email: string, password: string) {
      return request('/console/login', { form: { _csrf: await csrfFrom('/console/login'), email, password } });
    },
  };
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/staff.ts', ...args], {
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: config.REDIS_URL, PORT: '3000', LOG_LEVEL: 'silent', STAFF_PASSWORD: '', ...env },
  });
  return stdout.trim().split('\n');
}

beforeAll(async () => {
  config = testConfig();
  prisma = createPrisma(config.DATABASE_URL);
  redis = new Redis(config.REDIS_URL);
  app = await startApp(config, 'server');
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  redis?.disconnect();
});

describe('passwords', () => {
  it('are stored as salted scrypt hashes that only the right password matches', async () => {
    const stored = await hashPassword('Bát Tràng 1352');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toBe(await hashPassword('Bát Tràng 1352'));
    expect(await verifyPassword('Bát Tràng 1352', stored)).toBe(true);
    expect(await verifyPassword('Bat Trang 1352', stored)).toBe(false);
  });
});

describe('npm run staff -- add', () => {
  it('with STAFF_PASSWORD: the account signs in with it, and the last line is an API token of the role asked', async () => {
    const lines = await cli(['add', 'Cli.Admin@LangNghe.test', '--role', 'admin'], { STAFF_PASSWORD: 'mot-mat-khau-dai' });
    const token = lines.at(-1)!;
    expect(token).toMatch(/^lns_[\w-]{43}$/);
    expect(lines.join('\n')).not.toContain('mot-mat-khau-dai');
    const admin = await fetch(`${app.url}/api/applicants/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${token}` } });
    expect(admin.status).toBe(404); // allowed in, and nobody there

    const browser = client();
    const signedIn = await browser.signIn('cli.admin@langnghe.test', 'mot-mat-khau-dai');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/console');
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('lns_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await browser.request('/console/artisans')).status).toBe(200);
  });

  it('without it: a one-time link to choose the password, which works once', async () => {
    const lines = await cli(['add', 'bien.tap.moi@langnghe.test']);
    const link = /\/console\/password\/([\w-]+)/.exec(lines.join('\n'))![1]!;
    const browser = client();
    const csrf = await browser.csrfFrom(`/console/password/${link}`);
    expect((await browser.request(`/console/password/${link}`, { form: { _csrf: csrf, password: 'ngan', confirm: 'ngan' } })).status).toBe(400);
    expect(
      (await browser.request(`/console/password/${link}`, { form: { _csrf: csrf, password: 'lang-nghe-ha-noi', confirm: 'lang-nghe-ha-noi!' } })).status,
    ).toBe(400);
    const saved = await browser.request(`/console/password/${link}`, { form: { _csrf: csrf, password: 'lang-nghe-ha-noi', confirm: 'lang-nghe-ha-noi' } });
    expect(saved.status).toBe(303);
    expect((await browser.request(`/console/password/${link}`)).status).toBe(404);
    expect((await browser.signIn('bien.tap.moi@langnghe.test', 'lang-nghe-ha-noi')).status).toBe(303);
    // An editor: the admin pages and API stay closed.
    expect((await browser.request('/console/artisans')).status).toBe(403);
    expect(
      (await fetch(`${app.url}/api/applicants/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${lines.at(-1)}` } })).status,
    ).toBe(403);
  });
});

describe('signing in', () => {
  it("needs the form's CSRF token", async () => {
    await addStaffFor(prisma, 'Lan', { email: 'lan@langnghe.test', password: 'dung-mat-khau-roi' });
    const browser = client();
    await browser.request('/console/login');
    const forged = await browser.request('/console/login', { form: { email: 'lan@langnghe.test', password: 'dung-mat-khau-roi' } });
    expect(forged.status).toBe(403);
    expect(browser.jar.has('lns_session')).toBe(false);
  });

  it('is limited to 10 tries per address and account in 15 minutes, shared by every server process', async () => {
    await addStaffFor(prisma, 'Hoa', { email: 'hoa@langnghe.test', password: 'mat-khau-cua-hoa' });
    const browser = client();
    for (let i = 0; i < 10; i++) expect((await browser.signIn('hoa@langnghe.test', `sai-${i}-lan-nua`)).status).toBe(401);
    // A second server on the same Redis counts the same tries.
    const second = await startApp(config, 'server');
    try {
      const csrf = await browser.csrfFrom('/console/login');
      const refused = await fetch(`${second.url}/console/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, email: 'hoa@langnghe.test', password: 'mat-khau-cua-hoa' }).toString(),
      });
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain('Quá nhiều lần đăng nhập sai');
    } finally {
      await second.close();
    }
    // Another account from the same address is not locked out by them.
    await addStaffFor(prisma, 'Mai', { email: 'mai@langnghe.test', password: 'mat-khau-cua-mai' });
    expect((await browser.signIn('mai@langnghe.test', 'mat-khau-cua-mai')).status).toBe(303);
  });

  it('ends with the session: an expired one is refused', async () => {
    await addStaffFor(prisma, 'Cúc', { email: 'cuc@langnghe.test', password: 'mat-khau-cua-cuc' });
    const browser = client();
    await browser.signIn('cuc@langnghe.test', 'mat-khau-cua-cuc');
    expect((await browser.request('/api/clips')).status).toBe(200);
    await prisma.staffSession.updateMany({ where: { staff: { email: 'cuc@langnghe.test' } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await browser.request('/api/clips')).status).toBe(401);
    const page = await browser.request('/console/clips');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/console/login?next=%2Fconsole%2Fclips');
  });
});

describe("the Telegram bot's upload link", () => {
  it('signs its owner in once, then is spent', async () => {
    const staff = await addStaffFor(prisma, 'Đức');
    await redis.set(uploadTicketKey(config.QUEUE_PREFIX, 've-mot-lan'), staff.id, 'EX', 60);
    const browser = client();
    const first = await browser.request('/console/upload?ticket=ve-mot-lan');
    expect(first.headers.get('location')).toBe('/console/clips#upload');
    expect((await browser.request('/console/clips')).status).toBe(200);
    const other = client();
    await other.request('/console/upload?ticket=ve-mot-lan');
    expect(other.jar.has('lns_session')).toBe(false);
  });
});

describe('retry on a failed clip', () => {
  it('puts a failed clip back in the queue, and only a failed one', async () => {
    const staff = await addStaffFor(prisma, 'Vân', { email: 'van@langnghe.test', password: 'mat-khau-cua-van' });
    const path = await makeTestClip(join(mkdtempSync(join(tmpdir(), 'langnghe-retry-')), 'retry.mp4'), { seconds: 1 });
    const form = new FormData();
    form.append('title', 'Thử lại');
    form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), 'retry.mp4');
    const created = await (await fetch(`${app.url}/api/clips`, { method: 'POST', headers: { authorization: `Bearer ${staff.token}` }, body: form })).json();
    const browser = client();
    await browser.signIn('van@langnghe.test', 'mat-khau-cua-van');
    const retry = async () =>
      browser.request(`/console/clips/${created.id}/retry`, {
        form: { _csrf: await browser.csrfFrom('/console/clips') },
        headers: { referer: `${app.url}/console/clips/${created.id}` },
      });

    // Queued (no worker runs here): not retryable, and the page says why.
    expect((await retry()).status).toBe(303);
    expect(await (await browser.request(`/console/clips/${created.id}`)).text()).toContain('Only a failed clip can be retried');

    const queue = new Queue('clip-processing', { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX });
    try {
      await (await queue.getJob(jobIdFor['clip-processing']({ clipId: created.id })))!.remove();
      await prisma.clip.update({ where: { id: created.id }, data: { state: 'failed', error: 'ffmpeg exited with code 1' } });
      expect((await retry()).headers.get('location')).toBe(`/console/clips/${created.id}`);
      expect(await prisma.clip.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ state: 'queued', error: null, progress: 0 });
      expect(await (await queue.getJob(jobIdFor['clip-processing']({ clipId: created.id })))!.getState()).toBe('waiting');
    } finally {
      // No worker runs here: the clip would wait forever and other files' reconcilers would find it.
      await queue.obliterate({ force: true });
      await queue.close();
      await prisma.clip.delete({ where: { id: created.id } });
    }
  });
});
