// The route and product pages in Debian's Chromium on a phone (390 px): each renders without running off the
// side of the screen, axe-core finds no serious or critical accessibility violation, and the product filter
// works as a plain form. Screenshots go to test/artifacts/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';
import { launchChromium, newContextIn, screenshot, seriousViolations } from '../helpers/browser.js';

let app: RunningApp;
let browser: Browser;

async function open(path: string, lang: 'vi' | 'en', options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await newContextIn(browser, lang, { javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const response = await page.goto(`${app.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

beforeAll(async () => {
  app = await startApp(testConfig(), 'server');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('route and product pages at 390 px in Chromium', () => {
  const pages = [
    { name: 'routes', path: '/routes', lang: 'vi' as const },
    { name: 'route', path: '/routes/langnghe-gia-lam', lang: 'en' as const },
    { name: 'products', path: '/products', lang: 'en' as const },
    { name: 'product', path: '/products/van-phuc-vun-art-silk-patchwork-tshirt', lang: 'vi' as const },
  ];
  for (const { name, path, lang } of pages) {
    it(`${path} fits the screen and has no serious accessibility violation`, async () => {
      const page = await open(path, lang);
      await expect(page.locator('h1').innerText()).resolves.not.toBe('');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
      await screenshot(page, `${name}-390`);
      expect(await seriousViolations(page), path).toEqual([]);
      await page.context().close();
    });
  }

  it('filters products with the form, without JavaScript, and links each to its page', async () => {
    const page = await open('/products', 'en', { javaScript: false });
    const all = await page.locator('.product-list > li').count();
    await page.selectOption('select[name=craft]', 'silk');
    await page.selectOption('select[name=ocop]', '4');
    await Promise.all([page.waitForURL(/craft=silk/), page.click('form.filters button[type=submit]')]);
    const items = await page.locator('.product-list > li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all);
    for (const item of items) expect(item).toContain('OCOP 4★');
    expect(page.url()).toContain('lang=en');
    await Promise.all([page.waitForURL(/\/products\/[a-z0-9-]+/), page.locator('.product-list > li a').first().click()]);
    await expect(page.locator('h1').innerText()).resolves.toBe(items[0]!.split(' — ')[0]!.trim());
    await page.context().close();
  });

  it('opens a route stop’s village page from the route, without JavaScript', async () => {
    const page = await open('/routes', 'vi', { javaScript: false });
    await Promise.all([page.waitForURL(/\/routes\/langnghe-gia-lam/), page.click('a[href^="/routes/langnghe-gia-lam"]')]);
    const stops = await page.locator('ol.stops > li').count();
    expect(stops).toBeGreaterThan(1);
    await Promise.all([page.waitForURL(/\/villages\/bat-trang/), page.locator('ol.stops > li a[href^="/villages/bat-trang"]').click()]);
    await page.context().close();
  });
});
