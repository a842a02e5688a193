// The handbook page and the public vlog list as seen in Debian's Chromium: the handbook page stays a readable
// length and walks its pages, on a phone and on a desktop (screenshots for a person to look at), and a 16:9
// poster on /vlogs is as tall as 9/16 of its width at any width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import type { Config } from '../../src/config.js';
import { HANDBOOK_PAGE_SIZE } from '../../src/http/console/handbook-pages.js';
import { testConfig } from '../helpers/test-env.js';
import { launchChromium, newContextIn, screenshot } from '../helpers/browser.js';
import { makePoster } from '../helpers/poster.js';

const STAFF = { email: 'trang.so.tay@langnghe.test', password: 'quat-chang-son-2030' };
// Screenshots for a person to look at; test/artifacts/ by default.
const NOTE_ASSETS = process.env.NOTE_ASSETS;

let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let browser: Browser;

async function signIn(width: number, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
  const context = await newContextIn(browser, lang, { viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/console/login`);
  await page.fill('input[name=email]', STAFF.email);
  await page.fill('input[name=password]', STAFF.password);
  await Promise.all([page.waitForURL(/\/console\/clips$/), page.click('form.stack button[type=submit]')]);
  return page;
}

async function save(page: Page, name: string) {
  if (!NOTE_ASSETS) return screenshot(page, name);
  mkdirSync(NOTE_ASSETS, { recursive: true });
  await page.screenshot({ path: join(NOTE_ASSETS, `${name}.png`), fullPage: true });
}

/** A published vlog with a 1280×720 poster, written straight to the database and the media folder. */
async function publishedVlog() {
  const id = randomUUID();
  const folder = join(config.MEDIA_DIR, 'clips', id);
  mkdirSync(folder, { recursive: true });
  const poster = join(folder, 'poster.jpg');
  await makePoster(poster, { width: 1280, height: 720 });
  await prisma.clip.create({
    data: {
      id,
      title: 'Lò gốm đêm',
      state: 'ready',
      slug: `lo-gom-dem-${id.slice(0, 8)}`,
      sourceName: 'lo-gom-dem.mp4',
      sourceBytes: 1n,
      width: 1280,
      height: 720,
      durationSec: 4,
      renditions: {
        create: [{ kind: 'poster', path: `clips/${id}/poster.jpg`, mimeType: 'image/jpeg', width: 1280, height: 720, bytes: BigInt(statSync(poster).size) }],
      },
      publications: { create: [{ target: 'telegram', publishAt: new Date(), state: 'published', publishedAt: new Date() }] },
    },
  });
}

beforeAll(async () => {
  config = testConfig();
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'server');
  await addStaffFor(prisma, 'Thanh Tâm', { email: STAFF.email, role: 'editor', password: STAFF.password });
  await publishedVlog();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await prisma?.$disconnect();
});

describe('the console handbook page in Chromium', () => {
  for (const width of [390, 1280]) {
    it(`reads well ${width} px wide: words, a page of rows, and a next link that works`, async () => {
      const page = await signIn(width);
      await page.goto(`${app.url}/console/handbook`);
      await save(page, `handbook-${width}`);
      // Nothing runs off the side of a phone's screen, and the page is a few screens long, not 16,000 px.
      const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
      expect(size.width).toBeLessThanOrEqual(width);
      expect(size.height).toBeLessThan(width < 500 ? 16_000 : 9_000);
      expect(await page.locator('#village-table tbody tr').count()).toBe(HANDBOOK_PAGE_SIZE);
      await expect(page.locator('#village-table').innerText()).resolves.toContain('Làng nghề truyền thống');
      await expect(page.locator('#village-table').innerText()).resolves.not.toContain('traditional_craft_village');

      const firstRows = await page.locator('#village-table tbody tr').allInnerTexts();
      await Promise.all([page.waitForURL(/vpage=2/), page.click('#villages a[rel=next]')]);
      expect(await page.locator('#village-table tbody tr').allInnerTexts()).not.toEqual(firstRows);
      await page.context().close();
    });
  }

  it('filters across pages from the search box and keeps the filter on the next page', async () => {
    const page = await signIn(1280);
    await page.goto(`${app.url}/console/handbook`);
    await page.fill('input[type=search][name=pq]', 'lua to tam');
    await Promise.all([page.waitForURL(/pq=lua\+to\+tam/), page.press('input[type=search][name=pq]', 'Enter')]);
    const firstPage = await page.locator('#product-table tbody tr').count();
    expect(firstPage).toBe(HANDBOOK_PAGE_SIZE);
    await Promise.all([page.waitForURL(/ppage=2/), page.click('#products a[rel=next]')]);
    expect(page.url()).toContain('pq=lua+to+tam');
    await expect(page.locator('input[type=search][name=pq]').inputValue()).resolves.toBe('lua to tam');
    for (const row of await page.locator('#product-table tbody tr').allInnerTexts()) expect(row).toContain('Lụa tơ tằm');
    await page.context().close();
  });
});

describe('the public vlog list in Chromium', () => {
  for (const width of [390, 800, 1280]) {
    it(`shows a 16:9 poster 9/16 as tall as it is wide at ${width} px`, async () => {
      const context = await newContextIn(browser, 'vi', { viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${app.url}/vlogs`);
      const poster = page.locator('.grid .card img').first();
      await poster.evaluate((img: HTMLImageElement) => img.decode());
      const box = (await poster.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.height / box.width).toBeCloseTo(9 / 16, 2);
      if (width === 390) await save(page, 'vlogs-390');
      await context.close();
    });
  }
});
