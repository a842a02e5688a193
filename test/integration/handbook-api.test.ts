// The handbook API returns what the files in content/ say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadHandbook } from '../../src/content/load.js';
import { testConfig } from '../helpers/test-env.js';

const handbook = loadHandbook('content');
let app: RunningApp;
const get = async (path: string) => {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  app = await startApp(testConfig(), 'server');
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/villages', () => {
  it('lists every village of the files, with its crafts and location', async () => {
    const { status, body } = await get('/api/villages');
    expect(status).toBe(200);
    expect(body.count).toBe(handbook.villages.length);
    for (const village of handbook.villages) {
      const listed = body.villages.find((v: { id: string }) => v.id === village.id);
      expect(listed, village.id).toMatchObject({ name: village.name, crafts: village.crafts });
      expect(listed.location?.lat ?? null).toBe(village.location?.lat ?? null);
    }
  });

  it('filters by craft', async () => {
    const { body } = await get('/api/villages?craft=conical-hats');
    const expected = handbook.villages
      .filter((v) => v.crafts.includes('conical-hats'))
      .map((v) => v.id)
      .sort();
    expect(body.villages.map((v: { id: string }) => v.id).sort()).toEqual(expected);
    expect(expected).toContain('chuong');
  });

  it('gives a village whole, with its products, routes and places', async () => {
    const file = handbook.villages.find((v) => v.id === 'bat-trang')!;
    const { status, body } = await get('/api/villages/bat-trang');
    expect(status).toBe(200);
    expect(body).toMatchObject(JSON.parse(JSON.stringify(file)));
    const productIds = handbook.products
      .filter((p) => p.village === 'bat-trang')
      .map((p) => p.id)
      .sort();
    expect(body.products.map((p: { id: string }) => p.id).sort()).toEqual(productIds);
    const routeIds = handbook.routes
      .filter((r) => r.stops.some((s) => s.village === 'bat-trang'))
      .map((r) => r.id)
      .sort();
    expect(body.routes.map((r: { id: string }) => r.id)).toEqual(routeIds);
    expect(body.places.map((p: { id: string }) => p.id)).toContain('tinh-hoa-lang-nghe-viet');
  });

  it('answers 404 for an unknown village and 400 for a malformed id', async () => {
    expect((await get('/api/villages/xuan-lai')).status).toBe(404);
    expect((await get('/api/villages/DROP%20TABLE')).status).toBe(400);
  });
});

describe('GET /api/routes', () => {
  it('lists every route with its stops in order', async () => {
    const { body } = await get('/api/routes');
    expect(body.count).toBe(handbook.routes.length);
    for (const route of handbook.routes) {
      const listed = body.routes.find((r: { id: string }) => r.id === route.id);
      expect(
        listed.stops.map((s: { id: string }) => s.id),
        route.id,
      ).toEqual(route.stops.map((s) => s.village ?? s.place));
    }
  });

  it('gives a route with its day plan, stop notes and a map link through the stops', async () => {
    const file = handbook.routes.find((r) => r.id === 'operator-bat-trang-chuong')!;
    const { body } = await get('/api/routes/operator-bat-trang-chuong');
    expect(body).toMatchObject({ id: file.id, name: file.name, dayPlan: file.dayPlan, travel: file.travel, origin: file.origin });
    expect(body.stops.map((s: { note?: unknown }) => s.note ?? null)).toEqual(file.stops.map((s) => s.note ?? null));
    // Bát Tràng's point is village-precise, so the link goes through its coordinates.
    const batTrang = handbook.villages.find((v) => v.id === 'bat-trang')!.location!;
    expect(body.mapUrl).toMatch(/^https:\/\/www\.google\.com\/maps\/dir\//);
    expect(body.mapUrl).toContain(`${batTrang.lat},${batTrang.lon}`);
    expect(decodeURIComponent(body.mapUrl)).toContain('Chuông');
  });
});

describe('GET /api/products', () => {
  it('filters by village, craft and OCOP stars as the files say', async () => {
    const fiveStar = handbook.products
      .filter((p) => (p.ocop?.stars ?? 0) >= 5)
      .map((p) => p.id)
      .sort();
    const { body } = await get('/api/products?ocop=5');
    expect(body.products.map((p: { id: string }) => p.id).sort()).toEqual(fiveStar);
    expect(fiveStar.length).toBeGreaterThanOrEqual(6);

    const silk = await get('/api/products?craft=silk&village=van-phuc');
    expect(silk.body.products.map((p: { id: string }) => p.id).sort()).toEqual(
      handbook.products
        .filter((p) => p.craft === 'silk' && p.village === 'van-phuc')
        .map((p) => p.id)
        .sort(),
    );
    expect(silk.body.products[0].village).toEqual({ id: 'van-phuc', name: handbook.villages.find((v) => v.id === 'van-phuc')!.name });

    const rated = await get('/api/products?ocop=true');
    expect(rated.body.count).toBe(handbook.products.filter((p) => p.ocop).length);
  });

  it('refuses a bad OCOP filter with 400 naming it', async () => {
    const { status, body } = await get('/api/products?ocop=7');
    expect(status).toBe(400);
    expect(body.message).toMatch(/ocop/);
  });
});

describe('GET /api/kpis', () => {
  it('computes the plan indicators from the data, each beside its 2030 target', async () => {
    const { body } = await get('/api/kpis');
    const byId = Object.fromEntries(body.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId.digitised_products).toMatchObject({ value: handbook.products.length, target: 300, targetYear: 2030 });
    expect(byId.routes).toMatchObject({ value: handbook.routes.length, target: 10, met: handbook.routes.length >= 10 });
    const recognised = handbook.villages.filter((v) =>
      v.recognition.some((r) => r.confirmed && ['craft_village', 'traditional_craft_village', 'heritage_craft_village', 'traditional_craft'].includes(r.title)),
    );
    const withOcop = recognised.filter((v) => handbook.products.some((p) => p.village === v.id && p.ocop?.confirmed && p.ocop.stars));
    expect(byId.ocop_share).toMatchObject({ numerator: withOcop.length, denominator: recognised.length, target: 50, unit: 'percent' });
    expect(byId.ocop_share.value).toBeCloseTo((withOcop.length / recognised.length) * 100, 0);
    expect(byId.crafts_at_risk.value).toBe(handbook.villages.filter((v) => v.atRisk).length);
    expect(new Date(body.dataDate).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
