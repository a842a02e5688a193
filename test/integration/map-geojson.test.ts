// GET /api/map.geojson: the handbook's villages and routes as GeoJSON (RFC 7946), as the files in content/ place them;
// ?route= for one route, ?village= for one village.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadHandbook } from '../../src/content/load.js';
import { testConfig } from '../helpers/test-env.js';

const handbook = loadHandbook('content');
let app: RunningApp;

type Feature = {
  type: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown> & { id: string };
};
type Collection = { type: string; features: Feature[] };

const get = async (path: string, base = app.url) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
};
const points = (c: Collection) => c.features.filter((f) => f.geometry.type === 'Point');
const lines = (c: Collection) => c.features.filter((f) => f.geometry.type === 'LineString');

/** A stop's [lon, lat] in the files, or null when it has no location. */
const stopPosition = (stop: { village?: string; place?: string }) => {
  const entry = stop.village ? handbook.villages.find((v) => v.id === stop.village) : handbook.places.find((p) => p.id === stop.place);
  return entry?.location ? [entry.location.lon, entry.location.lat] : null;
};

/** RFC 7946's shape: a FeatureCollection of Features, each with a Point or LineString of [lon, lat] numbers. */
function expectValidGeoJson(body: Collection) {
  expect(body.type).toBe('FeatureCollection');
  expect(Array.isArray(body.features)).toBe(true);
  const isPosition = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
  for (const feature of body.features) {
    expect(feature.type).toBe('Feature');
    expect(typeof feature.properties).toBe('object');
    expect(['Point', 'LineString']).toContain(feature.geometry.type);
    if (feature.geometry.type === 'Point') expect(isPosition(feature.geometry.coordinates), feature.properties.id).toBe(true);
    else {
      const coordinates = feature.geometry.coordinates as unknown[];
      expect(coordinates.length).toBeGreaterThanOrEqual(2);
      expect(coordinates.every(isPosition), feature.properties.id).toBe(true);
    }
  }
}

beforeAll(async () => {
  app = await startApp(testConfig(), 'server');
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/map.geojson', () => {
  it('is GeoJSON, served as application/geo+json', async () => {
    const { status, type, body } = await get('/api/map.geojson');
    expect(status).toBe(200);
    expect(type).toBe('application/geo+json; charset=utf-8');
    expectValidGeoJson(body);
  });

  it('has a Point at [lon, lat] for every village with a location, and none for the others', async () => {
    const { body } = await get('/api/map.geojson');
    const located = handbook.villages.filter((v) => v.location);
    expect(located.length).toBeGreaterThan(0);
    const byId = new Map(points(body).map((f) => [f.properties.id, f]));
    expect([...byId.keys()].sort()).toEqual(located.map((v) => v.id).sort());
    for (const village of located) {
      const feature = byId.get(village.id)!;
      expect(feature.geometry.coordinates, village.id).toEqual([village.location!.lon, village.location!.lat]);
      expect(feature.properties).toEqual({
        id: village.id,
        name: { vi: village.name.vi, en: village.name.en },
        crafts: village.crafts,
        precision: village.location!.precision === 'village' ? 'village' : 'commune',
        url: `/villages/${village.id}`,
      });
    }
  });

  it('says which villages are placed only at their commune', async () => {
    const { body } = await get('/api/map.geojson');
    const byId = new Map(points(body).map((f) => [f.properties.id, f]));
    const communeLevel = handbook.villages.filter((v) => v.location && v.location.precision !== 'village');
    const villageLevel = handbook.villages.filter((v) => v.location?.precision === 'village');
    expect(communeLevel.length).toBeGreaterThan(0);
    expect(villageLevel.length).toBeGreaterThan(0);
    for (const v of communeLevel) expect(byId.get(v.id)!.properties.precision, v.id).toBe('commune');
    for (const v of villageLevel) expect(byId.get(v.id)!.properties.precision, v.id).toBe('village');
  });

  it("draws each route through its stops' points in stop order", async () => {
    const { body } = await get('/api/map.geojson');
    const byId = new Map(lines(body).map((f) => [f.properties.id, f]));
    let drawn = 0;
    for (const route of handbook.routes) {
      const expected = route.stops.map(stopPosition).filter((p) => p !== null);
      const feature = byId.get(route.id);
      if (expected.length < 2) {
        expect(feature, route.id).toBeUndefined();
        continue;
      }
      drawn++;
      expect(feature!.geometry.coordinates, route.id).toEqual(expected);
      expect(feature!.properties).toEqual({
        id: route.id,
        name: { vi: route.name.vi, en: route.name.en },
        stops: route.stops.map((s) => s.village ?? s.place),
      });
    }
    expect(drawn).toBeGreaterThan(0);
    expect(byId.size).toBe(drawn);
  });

  it('keeps only one route and its villages with ?route=', async () => {
    const route = handbook.routes.find((r) => r.stops.map(stopPosition).filter(Boolean).length >= 2)!;
    const { status, type, body } = await get(`/api/map.geojson?route=${route.id}`);
    expect(status).toBe(200);
    expect(type).toBe('application/geo+json; charset=utf-8');
    expectValidGeoJson(body);
    expect(lines(body).map((f) => f.properties.id)).toEqual([route.id]);
    const villageIds = route.stops.filter((s) => s.village && stopPosition(s)).map((s) => s.village!);
    expect(
      points(body)
        .map((f) => f.properties.id)
        .sort(),
    ).toEqual([...new Set(villageIds)].sort());
  });

  it('answers 404 JSON for an unknown route and 400 for a malformed one', async () => {
    const unknown = await get('/api/map.geojson?route=no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/json');
    expect(unknown.body.error).toBeDefined();
    expect((await get('/api/map.geojson?route=DROP%20TABLE')).status).toBe(400);
  });

  it("keeps only one village's point with ?village=, and none for a village without a location", async () => {
    const located = handbook.villages.find((v) => v.location)!;
    const { status, type, body } = await get(`/api/map.geojson?village=${located.id}`);
    expect(status).toBe(200);
    expect(type).toBe('application/geo+json; charset=utf-8');
    expectValidGeoJson(body);
    expect(body.features.map((f: Feature) => f.properties.id)).toEqual([located.id]);
    expect(body.features[0].geometry.coordinates).toEqual([located.location!.lon, located.location!.lat]);

    const unlocated = handbook.villages.find((v) => !v.location);
    if (unlocated) expect((await get(`/api/map.geojson?village=${unlocated.id}`)).body.features).toEqual([]);
  });

  it('answers 404 for an unknown village and 400 for a malformed one or for a route and a village at once', async () => {
    const unknown = await get('/api/map.geojson?village=no-such-village');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    expect((await get('/api/map.geojson?village=%3Cscript%3E')).status).toBe(400);
    const both = await get(`/api/map.geojson?village=${handbook.villages[0]!.id}&route=${handbook.routes[0]!.id}`);
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('either route or village');
  });

  it('links the village pages absolutely when PUBLIC_URL is set', async () => {
    const other = await startApp(testConfig({ PUBLIC_URL: 'https://langnghe.example/' }), 'server');
    try {
      const { body } = await get('/api/map.geojson', other.url);
      const first = points(body)[0]!;
      expect(first.properties.url).toBe(`https://langnghe.example/villages/${first.properties.id}`);
    } finally {
      await other.close();
    }
  });
});
