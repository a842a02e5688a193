// The console's insights page in a real browser (Chromium): an editor sees the chart of questions per day,
// the figures and the unanswered groups, with no serious accessibility findings (axe), and teaches a group
// its village from the form's list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { fold } from '../../src/ask/normalize.js';
import { loadHandbook } from '../../src/content/load.js';
import { hanoiDay, hanoiMidnight, parseHanoiTime } from '../../src/domain/publishing/hanoi-time.js';
import { addStaffFor } from '../helpers/staff.js';
import { testConfig } from '../helpers/test-env.js';
import { launchChromium, screenshot, seriousViolations } from '../helpers/browser.js';

const EDITOR = { email: 'xem.thong.ke@langnghe.test', password: 'gom-chu-dau-2030' };
const village = loadHandbook('content').villages.find((v) => v.id === 'bat-trang')!;
const today = hanoiDay(new Date());
const at = (daysAgo: number, time: string) => parseHanoiTime(`${hanoiDay(hanoiMidnight(today, -daysAgo)!)} ${time}`)!;
const MISSPELT = ['làng gốm cổ nhất Hà Nội', 'lang gom co nhat ha noi', 'lang gom co nhat ha nio', 'Hà Nội làng gốm cổ nhất', 'lang gomm co nhat ha noi'];

let app: RunningApp;
let prisma: PrismaClient;
let browser: Browser;

beforeAll(async () => {
  const config = testConfig();
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'server');
  await prisma.question.deleteMany({});
  await prisma.learnedPhrasing.deleteMany({});
  const row = (askedAt: Date, channel: string, lang: string, text: string, unknown: boolean, visitor: string) => ({
    askedAt,
    channel,
    lang,
    text,
    folded: fold(text),
    intent: unknown ? 'unknown' : 'village',
    entries: unknown ? [] : ['village:bat-trang'],
    unknown,
    latencyMs: 2,
    visitor,
  });
  await prisma.question.createMany({
    data: [
      ...Array.from({ length: 12 }, (_, i) =>
        row(at(i % 6, '09:00'), ['telegram', 'zalo', 'web'][i % 3]!, i % 4 ? 'vi' : 'en', 'Bát Tràng', false, `v${i % 5}`),
      ),
      ...MISSPELT.map((text, i) => row(at(i, '15:00'), 'web', 'vi', text, true, `w${i}`)),
    ],
  });
  await addStaffFor(prisma, 'Minh Thư', { email: EDITOR.email, role: 'editor', password: EDITOR.password });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await prisma?.$disconnect();
});

describe('the insights page in a browser', () => {
  it('shows an editor the chart, the figures and the groups, with no serious axe findings, and teaches a group', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/console/login?next=/console/insights`);
    await page.fill('input[name=email]', EDITOR.email);
    await page.fill('input[name=password]', EDITOR.password);
    await Promise.all([page.waitForURL(/\/console\/insights$/), page.click('form.stack button[type=submit]')]);

    expect(await page.locator('#figure-questions').textContent()).toBe('17');
    const chart = page.locator('svg#day-chart');
    await expect(chart.isVisible()).resolves.toBe(true);
    expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(6);
    // telegram, zalo and web, each in Vietnamese and English.
    expect(await page.locator('ul.legend li').count()).toBe(6);
    const group = page.locator('li.group').first();
    expect(await group.getAttribute('data-count')).toBe('5');
    await screenshot(page, 'console-insights-390');
    expect(await seriousViolations(page)).toEqual([]);

    await group.locator('input[name=target]').fill('village:bat-trang');
    await Promise.all([page.waitForURL(/\/console\/insights/), group.locator('button[type=submit]:not([name])').click()]);
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('Đã dạy');
    const learned = page.locator('#learned-table tbody tr');
    expect(await learned.count()).toBe(1);
    expect(await learned.first().textContent()).toContain(village.name.vi);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
