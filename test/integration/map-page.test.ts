// The map's files and page over HTTP: Leaflet and map.js served by us with their types and a year's caching,
// compressed for browsers that ask; the CSP's img-src naming MAP_TILE_URL's server; /map with the tiles, the
// legend and the routes to pick from; 404 for a route it does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';
import { mapFeatures } from '../../src/services/handbook/map-geojson.js';
import { loadHandbook } from '../../src/content/load.js';

const TILE_URL = 'https://{s}.tiles.langnghe.example/{z}/{x}/{y}.png';
const ATTRIBUTION = '© OpenStreetMap contributors & "friends"';
const leafletJs = readFileSync('node_modules/leaflet/dist/leaflet.js');
const leafletVersion = JSON.parse(readFileSync('node_modules/leaflet/package.json', 'utf8')).version as string;
const routes = mapFeatures(loadHandbook('content')).features.filter((f) => f.geometry.type === 'LineString');

let app: RunningApp;

/** A raw GET (fetch would undo the compression this test looks at). */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** The addresses in the /map page's map element: what map.js is told to load. */
async function mapElement(path = '/map?lang=en') {
  const response = await fetch(`${app.url}${path}`);
  const html = await response.text();
  const element = /<div class="map"[^>]*>/.exec(html)?.[0] ?? '';
  const attribute = (name: string) =>
    /="([^"]*)"/
      .exec(element.slice(element.indexOf(` ${name}=`)))?.[1]
      ?.replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&') ?? null;
  const script = /<script src="(\/assets\/map-[^"]+\.js)" defer><\/script>/.exec(html)?.[1];
  return { status: response.status, html, element, attribute, script, csp: response.headers.get('content-security-policy') ?? '' };
}

beforeAll(async () => {
  app = await startApp(testConfig({ MAP_TILE_URL: TILE_URL, MAP_TILE_ATTRIBUTION: ATTRIBUTION }), 'server');
});
afterAll(async () => {
  await app?.close();
});

describe("the map's files", () => {
  it("serves Leaflet's script, stylesheet and pictures from our server, cached for a year", async () => {
    const { attribute } = await mapElement();
    const script = attribute('data-leaflet-script')!;
    const stylesheet = attribute('data-leaflet-stylesheet')!;
    expect(script).toBe(`/assets/leaflet/${leafletVersion}/leaflet.js`);
    expect(stylesheet).toBe(`/assets/leaflet/${leafletVersion}/leaflet.css`);

    const js = await rawGet(`${app.url}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body.equals(leafletJs)).toBe(true);

    const css = await rawGet(`${app.url}${stylesheet}`);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body.toString()).toContain('.leaflet-container');
    // The pictures leaflet.css names relative to itself are there.
    for (const picture of css.body.toString().matchAll(/url\((images\/[^)]+\.png)\)/g)) {
      const png = await rawGet(`${app.url}${stylesheet.replace('leaflet.css', picture[1]!)}`);
      expect(png.status, picture[1]).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    }
    for (const name of ['marker-icon.png', 'marker-icon-2x.png', 'marker-shadow.png']) {
      expect((await rawGet(`${app.url}/assets/leaflet/${leafletVersion}/images/${name}`)).status, name).toBe(200);
    }
  });

  it('compresses the scripts for browsers that ask (brotli, else gzip), the same bytes once decoded', async () => {
    const url = `${app.url}/assets/leaflet/${leafletVersion}/leaflet.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.body.length).toBeLessThan(leafletJs.length / 3);
    expect(brotliDecompressSync(br.body).equals(leafletJs)).toBe(true);
    const gzip = await rawGet(url, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(leafletJs)).toBe(true);
    expect((await rawGet(url)).headers['content-encoding']).toBeUndefined();
  });

  it("serves map.js at an address that changes with its content, and nothing else under the map's folders", async () => {
    const { script } = await mapElement();
    expect(script).toMatch(/^\/assets\/map-[0-9a-f]{10}\.js$/);
    const js = await rawGet(`${app.url}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body.toString()).toBe(readFileSync('src/http/assets/map.js', 'utf8'));
    expect((await rawGet(`${app.url}/assets/map-0000000000.js`)).status).toBe(404);
    expect((await rawGet(`${app.url}/assets/leaflet/${leafletVersion}/leaflet-src.js`)).status).toBe(404);
    expect((await rawGet(`${app.url}/assets/leaflet/${leafletVersion}/../../../package.json`)).status).toBe(404);
  });
});

describe('the CSP and the tiles', () => {
  it("lets pages load images from MAP_TILE_URL's server, and nothing else from elsewhere", async () => {
    const { csp } = await mapElement();
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'https://*.tiles.langnghe.example']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it("names OpenStreetMap's tile server by default", async () => {
    const other = await startApp(testConfig(), 'server');
    try {
      const response = await fetch(`${other.url}/map`);
      await response.arrayBuffer();
      expect(response.headers.get('content-security-policy')).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    } finally {
      await other.close();
    }
  });
});

describe('GET /map', () => {
  it('hands the map its tiles, attribution, language and words, and shows the legend and every route', async () => {
    const { status, html, attribute } = await mapElement('/map?lang=en');
    expect(status).toBe(200);
    expect(attribute('data-geojson')).toBe('/api/map.geojson');
    expect(attribute('data-tile-url')).toBe(TILE_URL);
    expect(attribute('data-attribution')).toBe(ATTRIBUTION);
    expect(attribute('data-lang')).toBe('en');
    expect(attribute('data-text-approximate')).toBe('Location approximate: commune');
    expect(attribute('role')).toBe('region');
    expect(attribute('aria-label')).toBe("Map of Hanoi's craft villages");
    // Without JavaScript: a sentence and the list of villages.
    expect(html).toContain('<p class="map-fallback">The map needs JavaScript. <a href="/villages?lang=en">See the list of villages</a></p>');
    expect(html).toContain('A circle: only the village');
    for (const route of routes) expect(html, route.properties.id).toContain(`href="/map?route=${route.properties.id}&amp;lang=en"`);

    const vi = await mapElement('/map?lang=vi');
    expect(vi.attribute('data-text-approximate')).toBe('Vị trí gần đúng: cấp xã');
    expect(vi.html).toContain('<h1>Bản đồ làng nghề</h1>');
  });

  it('shows one route with ?route=, and answers 404 for a route it does not have', async () => {
    const route = routes[0]!;
    const one = await mapElement(`/map?route=${route.properties.id}&lang=en`);
    expect(one.status).toBe(200);
    expect(one.attribute('data-geojson')).toBe(`/api/map.geojson?route=${route.properties.id}`);
    expect(one.attribute('aria-label')).toBe(`Map of the route: ${(route.properties.name as { en: string }).en}`);
    expect(one.html).toContain(`href="/map?route=${route.properties.id}&amp;lang=en" aria-current="page"`);
    for (const bad of ['no-such-route', '%3Cscript%3E']) {
      const response = await fetch(`${app.url}/map?route=${bad}&lang=en`);
      expect(response.status, bad).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
      await response.arrayBuffer();
    }
  });
});
