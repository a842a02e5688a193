// The public site's core pages in Debian's Chromium on a phone (390 px): the home page, /villages, a village's
// entry and the 404 page render without running off the side of the screen, axe-core finds no serious or
// critical accessibility violation, the language switch changes the page's language and the next page keeps it,
// and the villages' filter works as a plain form without JavaScript. Screenshots go to test/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';
import { launchChromium, newContextIn, PHONE, screenshot, seriousViolations } from '../helpers/browser.js';

const WIDTH = PHONE.width;

let app: RunningApp;
let browser: Browser;

async function phone(lang: 'vi' | 'en', options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const context = await newContextIn(browser, lang, { javaScriptEnabled: options.javaScript ?? true });
  // These machines reach no tile server: fail the tiles at once instead of waiting on them.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  return context;
}

beforeAll(async () => {
  app = await startApp(testConfig(), 'server');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the public pages at 390 px in Chromium', () => {
  const pages = [
    { name: 'home', path: '/', lang: 'vi' as const, status: 200 },
    { name: 'villages', path: '/villages', lang: 'en' as const, status: 200 },
    { name: 'village', path: '/villages/bat-trang', lang: 'vi' as const, status: 200 },
    { name: 'village-en', path: '/villages/an-phu', lang: 'en' as const, status: 200 },
    { name: 'not-found', path: '/no-such-page', lang: 'en' as const, status: 404 },
  ];
  for (const { name, path, lang, status } of pages) {
    it(`${path} (${lang}) fits the screen and has no serious accessibility violation`, async () => {
      const context = await phone(lang);
      const page = await context.newPage();
      const response = await page.goto(`${app.url}${path}`);
      expect(response?.status(), path).toBe(status);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expect(page.locator('h1').innerText()).resolves.not.toBe('');
      // Landmarks a screen reader jumps between.
      expect(await page.locator('header.site-header').count()).toBe(1);
      expect(await page.locator('nav.site-nav').count()).toBe(1);
      expect(await page.locator('main#main').count()).toBe(1);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(WIDTH);
      await screenshot(page, `public-${name}-${WIDTH}`);
      expect(await seriousViolations(page), path).toEqual([]);
      await context.close();
    });
  }

  it('opens the folded sources of a village when asked, and they fit the screen too', async () => {
    const context = await phone('en');
    const page = await context.newPage();
    await page.goto(`${app.url}/villages/bat-trang`);
    const sources = page.locator('details.sources');
    await expect(sources.locator('li').first().isVisible()).resolves.toBe(false);
    await sources.locator('summary').click();
    await expect(sources.locator('li').first().isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await context.close();
  });

  it('switches language with the link, and the next page keeps the choice', async () => {
    const context = await phone('vi');
    const page = await context.newPage();
    await page.goto(`${app.url}/villages?craft=silk`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await Promise.all([page.waitForURL(/lang=en/), page.click('a.lang-switch')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The filter stayed.
    expect(page.url()).toContain('craft=silk');
    await expect(page.locator('select[name=craft]').inputValue()).resolves.toBe('silk');
    expect(await page.locator('details.more-filters').getAttribute('open')).not.toBeNull();
    // A page reached without ?lang= (typed, or from another site) is in English too.
    await page.goto(`${app.url}/villages/van-phuc`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${app.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('filters the villages and searches them without JavaScript', async () => {
    const context = await phone('vi', { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/villages`);
    const all = await page.locator('ul.grid > li.card').count();
    // The filters beside the text are folded on a phone until asked for.
    await expect(page.locator('select[name=district]').isVisible()).resolves.toBe(false);
    await page.click('details.more-filters summary');
    await page.selectOption('select[name=district]', 'gia-lam');
    await Promise.all([page.waitForURL(/district=gia-lam/), page.click('form.filters button[type=submit]')]);
    const inGiaLam = await page.locator('ul.grid > li.card h2').allInnerTexts();
    expect(inGiaLam.length).toBeGreaterThan(0);
    expect(inGiaLam.length).toBeLessThan(all);
    expect(inGiaLam).toContain('Bát Tràng');
    // The filter in use stays open and chosen.
    await expect(page.locator('select[name=district]').inputValue()).resolves.toBe('gia-lam');

    // From the home page's search box, a name typed with a slip.
    await page.goto(`${app.url}/`);
    await page.fill('form.search input[name=q]', 'van phcu');
    await Promise.all([page.waitForURL(/q=van\+phcu/), page.press('form.search input[name=q]', 'Enter')]);
    await expect(page.locator('ul.grid > li.card h2').first().innerText()).resolves.toBe('Vạn Phúc');
    await context.close();
  });
});
