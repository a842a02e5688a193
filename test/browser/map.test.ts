// The map in Debian's Chromium on a phone (390 px): a pin for every village placed at itself and a circle for every
// village placed only at its commune (as many as the GeoJSON's Points), a line per route through its stops, popups
// with the village's name, "approximate" and its page; tiles asked of MAP_TILE_URL's server (a fake one here that
// counts them) and nothing loaded from anywhere else; without any tile server pins and lines still draw; axe-core
// finds no serious or critical violation on /map. Screenshots go to test/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';
import { launchChromium, newContextIn, screenshot, seriousViolations } from '../helpers/browser.js';

const ATTRIBUTION = 'Tiles © LangNghe test tiles';
// A 1×1 light grey PNG: Leaflet stretches it over the 256 px tile.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48foJAAV2AriOsjFPAAAAAElFTkSuQmCC', 'base64');

type Feature = {
  geometry: { type: 'Point' | 'LineString'; coordinates: number[] | number[][] };
  properties: { id: string; name: { vi: string; en: string }; precision?: 'village' | 'commune'; url?: string };
};

let app: RunningApp;
let base: string;
let browser: Browser;
let tiles: Server;
let tileOrigin: string;
const tileRequests: string[] = [];

async function geojson(query = ''): Promise<Feature[]> {
  const response = await fetch(`${base}/api/map.geojson${query}`);
  return ((await response.json()) as { features: Feature[] }).features;
}
const pointsOf = (features: Feature[]) => features.filter((f) => f.geometry.type === 'Point');
const linesOf = (features: Feature[]) => features.filter((f) => f.geometry.type === 'LineString');

/** A phone-sized page, every address it asks for recorded, once its map has drawn. */
async function openMap(server: string, path: string, lang: 'vi' | 'en' = 'en'): Promise<{ page: Page; requested: string[] }> {
  const context = await newContextIn(browser, lang);
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${server}${path}`);
  expect(response?.status(), path).toBe(200);
  await page.locator('.map.map-ready').first().waitFor({ timeout: 15_000 });
  expect(errors, path).toEqual([]);
  return { page, requested };
}

/** The vertices of a Leaflet SVG path: one "M" or "L" each. */
const vertexCount = (d: string | null) => (d?.match(/[ML]/g) ?? []).length;

beforeAll(async () => {
  tiles = createServer((request, response) => {
    tileRequests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(PNG);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  app = await startApp(testConfig({ MAP_TILE_URL: `${tileOrigin}/tiles/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: ATTRIBUTION }), 'server');
  base = app.url!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => tiles?.close(resolve));
});

describe('/map in Chromium at 390 px', () => {
  it('draws a pin or a circle for every village point, a line per route, and tiles from MAP_TILE_URL only', async () => {
    const features = await geojson();
    const points = pointsOf(features);
    const villageLevel = points.filter((f) => f.properties.precision === 'village');
    const communeLevel = points.filter((f) => f.properties.precision === 'commune');
    expect(villageLevel.length).toBeGreaterThan(0);
    expect(communeLevel.length).toBeGreaterThan(0);
    const tilesBefore = tileRequests.length;

    const { page, requested } = await openMap(base, '/map?lang=en');
    const map = page.locator('.map.map-ready');
    await expect(map.locator('.leaflet-marker-icon').count()).resolves.toBe(villageLevel.length);
    await expect(map.locator('path.map-commune').count()).resolves.toBe(communeLevel.length);
    expect(villageLevel.length + communeLevel.length).toBe(points.length);
    // Pins carry the village's name for screen readers.
    expect((await map.locator('.leaflet-marker-icon').evaluateAll((icons) => icons.map((i) => i.getAttribute('alt')))).sort()).toEqual(
      villageLevel.map((f) => f.properties.name.en).sort(),
    );

    const lines = linesOf(features);
    expect(lines.length).toBeGreaterThan(1);
    const drawn = await map.locator('path.map-route').evaluateAll((paths) => paths.map((p) => ({ id: p.getAttribute('data-route'), d: p.getAttribute('d') })));
    expect(drawn.map((p) => p.id).sort()).toEqual(lines.map((f) => f.properties.id).sort());
    for (const line of lines) expect(vertexCount(drawn.find((p) => p.id === line.properties.id)!.d), line.properties.id).toBe(line.geometry.coordinates.length);

    await expect(map.locator('.leaflet-control-attribution').innerText()).resolves.toContain(ATTRIBUTION);
    await expect(map.locator('.map-fallback').isVisible()).resolves.toBe(false);
    await expect(map.getAttribute('role')).resolves.toBe('region');

    // Tiles were asked of the tile server in MAP_TILE_URL's shape, and were allowed to show.
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0, undefined, { timeout: 10_000 });
    expect(tileRequests.length).toBeGreaterThan(tilesBefore);
    for (const path of tileRequests.slice(tilesBefore)) expect(path).toMatch(/^\/tiles\/\d+\/\d+\/\d+\.png$/);
    // Nothing from any other origin: no CDN, no font, no tracker.
    const origins = new Set(requested.map((url) => new URL(url).origin));
    expect([...origins].sort()).toEqual([new URL(base).origin, tileOrigin].sort());
    await screenshot(page, 'map-390');
    await page.context().close();
  });

  it("opens a pin's popup on a click: the village's name in the page's language and a link to its page", async () => {
    const village = pointsOf(await geojson()).find((f) => f.properties.precision === 'village')!;
    const { page } = await openMap(base, '/map?lang=vi', 'vi');
    await page.locator(`.leaflet-marker-icon[alt="${village.properties.name.vi}"]`).click();
    const popup = page.locator('.leaflet-popup-content');
    await expect(popup.locator('strong').innerText()).resolves.toBe(village.properties.name.vi);
    await expect(popup.innerText()).resolves.not.toContain('gần đúng');
    await expect(popup.locator('a').getAttribute('href')).resolves.toBe(`${village.properties.url}?lang=vi`);
    await expect(page.locator('.leaflet-popup-close-button').getAttribute('aria-label')).resolves.toBe('Đóng');
    // The village's page is reached: its document, not every tile and picture of it (a busy machine once took 30 s to fire "load").
    await Promise.all([
      page.waitForURL(new RegExp(`/villages/${village.properties.id}\\?lang=vi$`), { waitUntil: 'domcontentloaded' }),
      popup.locator('a').click(),
    ]);
    await page.context().close();
  });

  it('reaches a circle by keyboard; its popup says the location is approximate, takes the focus and gives it back', async () => {
    const commune = pointsOf(await geojson()).filter((f) => f.properties.precision === 'commune');
    const { page } = await openMap(base, '/map?lang=en');
    const circle = page.locator('path.map-commune').first();
    const label = (await circle.getAttribute('aria-label'))!;
    const village = commune.find((f) => label === `${f.properties.name.en}: Location approximate: commune`);
    expect(village, label).toBeDefined();
    await circle.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup-content');
    await expect(popup.locator('strong').innerText()).resolves.toBe(village!.properties.name.en);
    await expect(popup.locator('.map-approximate').innerText()).resolves.toBe('Location approximate: commune');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(`${village!.properties.url}?lang=en`);
    await screenshot(page, 'map-popup-390');
    // Escape closes it and gives the focus back to the circle.
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 2_000 });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(label);
    await page.context().close();
  });

  it('has no serious or critical accessibility violation', async () => {
    const { page } = await openMap(base, '/map?lang=vi', 'vi');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('one route on a map', () => {
  it("/routes/:id and /map?route= draw that route's one line through every located stop, and its villages", async () => {
    const route = linesOf(await geojson()).sort((a, b) => b.geometry.coordinates.length - a.geometry.coordinates.length)[0]!;
    const features = await geojson(`?route=${route.properties.id}`);
    for (const path of [`/routes/${route.properties.id}?lang=en`, `/map?route=${route.properties.id}&lang=en`]) {
      const { page } = await openMap(base, path);
      const map = page.locator('.map.map-ready');
      const lines = map.locator('path.map-route');
      await expect(lines.count(), path).resolves.toBe(1);
      await expect(lines.getAttribute('data-route')).resolves.toBe(route.properties.id);
      expect(vertexCount(await lines.getAttribute('d')), path).toBe(route.geometry.coordinates.length);
      const shapes = (await map.locator('.leaflet-marker-icon').count()) + (await map.locator('path.map-commune').count());
      expect(shapes, path).toBe(pointsOf(features).length);
      if (path.startsWith('/routes/')) await screenshot(page, 'map-route-390');
      await page.context().close();
    }
  });
});

describe("a village's own map", () => {
  it('shows a pin, or a circle zoomed to its commune for a village placed there', async () => {
    const points = pointsOf(await geojson());
    const pinned = points.find((f) => f.properties.precision === 'village')!;
    const circled = points.find((f) => f.properties.precision === 'commune')!;
    for (const [village, pins, circles] of [
      [pinned, 1, 0],
      [circled, 0, 1],
    ] as const) {
      const { page } = await openMap(base, `/villages/${village.properties.id}?lang=en`);
      const map = page.locator('.map.map-ready');
      await expect(map.locator('.leaflet-marker-icon').count(), village.properties.id).resolves.toBe(pins);
      await expect(map.locator('path.map-commune').count(), village.properties.id).resolves.toBe(circles);
      if (circles) {
        // Zoomed in on the commune: its whole circle is on the screen, and more than a dot.
        const box = (await map.locator('path.map-commune').boundingBox())!;
        const frame = (await map.boundingBox())!;
        expect(box.width).toBeGreaterThan(40);
        expect(box.x).toBeGreaterThanOrEqual(frame.x);
        expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
        await screenshot(page, 'map-village-390');
      }
      await page.context().close();
    }
  });
});

describe('without a tile server', () => {
  it('still draws every pin, circle and line', async () => {
    // Port 9 (discard) refuses connections here: no tile ever loads.
    const offline = await startApp(testConfig({ MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }), 'server');
    try {
      const features = await geojson();
      const { page } = await openMap(offline.url!, '/map?lang=en');
      const map = page.locator('.map.map-ready');
      const shapes = (await map.locator('.leaflet-marker-icon').count()) + (await map.locator('path.map-commune').count());
      expect(shapes).toBe(pointsOf(features).length);
      await expect(map.locator('path.map-route').count()).resolves.toBe(linesOf(features).length);
      await expect(map.locator('.leaflet-tile-loaded').count()).resolves.toBe(0);
      await screenshot(page, 'map-no-tiles-390');
      await page.context().close();
    } finally {
      await offline.close();
    }
  });
});
