// The public route and product pages (/routes, /routes/:id, /products, /products/:id) as a visitor's browser
// gets them: what the handbook's files hold, in Vietnamese and English, with JSON-LD a search engine can read.
// The handbook is a copy of content/ in which one product has an online shop link (the files hold none yet).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadHandbook, type Handbook } from '../../src/content/load.js';
import { Messages } from '../../src/i18n/messages.js';
import { PRODUCT_PAGE_SIZE, productListUrl } from '../../src/http/routes/product-pages.js';
import { testConfig } from '../helpers/test-env.js';

const SHOP_URL = 'https://shop.example/vun-art/ao-phong-ghep-lua';
const SHOP_PRODUCT = 'van-phuc-vun-art-silk-patchwork-tshirt';

let app: RunningApp;
let handbook: Handbook;
const messages = new Messages('content/locales');

/** content/ copied, with an online shop link added to one product. */
function contentWithShopLink(): string {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-route-product-'));
  cpSync('content', dir, { recursive: true });
  const file = join(dir, 'products', 'van-phuc.yaml');
  const yaml = readFileSync(file, 'utf8');
  const entry = `  - id: ${SHOP_PRODUCT}\n`;
  expect(yaml).toContain(entry);
  writeFileSync(file, yaml.replace(entry, `${entry}    url: ${SHOP_URL}\n`));
  return dir;
}

const unescape = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The page as a visitor's browser gets it: status, HTML, the text a reader sees, and its JSON-LD. */
async function page(path: string, lang?: 'vi' | 'en') {
  const response = await fetch(`${app.url}${path}`, { headers: lang ? { 'accept-language': lang === 'en' ? 'en-GB,en;q=0.9' : 'vi-VN,vi;q=0.9' } : {} });
  const html = await response.text();
  const text = unescape(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => {
    const parsed = JSON.parse(m[1]!) as Record<string, unknown> | Record<string, unknown>[];
    return Array.isArray(parsed) ? parsed : [parsed];
  });
  return { status: response.status, type: response.headers.get('content-type'), language: response.headers.get('content-language'), html, text, jsonLd };
}

/** The text of each element matching `pattern` (a regex with one group around the element's content). */
const sections = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).trim());
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => unescape(m[1]!));
/** Words of a paragraph from the files, whitespace folded as HTML shows it. */
const folded = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const dir = contentWithShopLink();
  handbook = loadHandbook(dir);
  app = await startApp(testConfig({ CONTENT_DIR: dir }), 'server');
});
afterAll(async () => {
  await app?.close();
});

describe('GET /routes', () => {
  it('lists every route with its theme, days and number of stops, linked to its page', async () => {
    const { status, type, text, html } = await page('/routes?lang=en');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(handbook.routes.length).toBeGreaterThan(0);
    const links = hrefs(html);
    for (const route of handbook.routes) {
      expect(links, route.id).toContain(`/routes/${route.id}?lang=en`);
      expect(text, route.id).toContain(route.name.en);
      expect(text, route.id).toContain(folded(route.theme.en));
    }
    const route = handbook.routes.find((r) => r.stops.length > 1)!;
    const item = sections(html, /<li class="card">([\s\S]*?)<\/li>/g).find((li) => li.includes(route.name.en))!;
    expect(item).toContain(`${route.stops.length} stops`);
    expect(item).toContain(route.days === 1 ? '1 day' : `${route.days} days`);
  });

  it('speaks Vietnamese to a Vietnamese browser and English to an English one', async () => {
    const vi = await page('/routes', 'vi');
    const en = await page('/routes', 'en');
    expect(vi.language).toBe('vi');
    expect(en.language).toBe('en');
    expect(vi.text).toContain('Tuyến tham quan làng nghề');
    expect(en.text).toContain('Craft village routes');
    expect(vi.text).toContain(handbook.routes[0]!.name.vi);
  });
});

describe('GET /routes/:id', () => {
  const route = () => handbook.routes.find((r) => r.id === 'langnghe-gia-lam')!;

  it('shows the stops in the order of the file, each with its note, villages linked to their pages', async () => {
    const r = route();
    const { status, html } = await page(`/routes/${r.id}?lang=en`);
    expect(status).toBe(200);
    const stops = sections(html, /<li id="stop-\d+">([\s\S]*?)<\/li>/g);
    expect(stops).toHaveLength(r.stops.length);
    r.stops.forEach((stop, index) => {
      const entry = stop.village ? handbook.villages.find((v) => v.id === stop.village)! : handbook.places.find((p) => p.id === stop.place)!;
      expect(stops[index], `stop ${index + 1}`).toContain(entry.name.en);
      if (stop.note) expect(stops[index], `stop ${index + 1}`).toContain(folded(stop.note.en));
    });
    const links = hrefs(html);
    for (const stop of r.stops.filter((s) => s.village)) expect(links).toContain(`/villages/${stop.village}?lang=en`);
  });

  it('gives a place its address, the day plan, the travel advice, and a link opening the whole route in a maps app', async () => {
    const r = route();
    const { text, html } = await page(`/routes/${r.id}?lang=en`);
    const place = handbook.places.find((p) => p.id === r.stops.find((s) => s.place)!.place)!;
    expect(place.address).toBeTruthy();
    expect(text).toContain(place.address);
    expect(text).toContain(folded(r.dayPlan.en));
    expect(text).toContain(folded(r.travel.en));
    const maps = hrefs(html).find((h) => h.startsWith('https://www.google.com/maps/dir/'));
    expect(maps).toBeDefined();
    // One waypoint per stop, in order.
    expect(maps!.replace('https://www.google.com/maps/dir/', '').split('/')).toHaveLength(r.stops.length);
    expect(text).toContain('Open the whole route in a maps app');
    // The map partial is given this route's GeoJSON.
    expect(html).toContain(`/api/map.geojson?route=${r.id}`);
  });

  it('folds its sources under one summary, named by site, never the staff notes', async () => {
    const r = route();
    const { html } = await page(`/routes/${r.id}?lang=en`);
    const sources = /<details class="sources">\s*<summary>[^<]*\((\d+)\)<\/summary>([\s\S]*?)<\/details>/.exec(html)!;
    expect(Number(sources[1])).toBe(r.sources.length);
    for (const source of r.sources) expect(hrefs(sources[2]!)).toContain(source);
    // Named by site and title, not printed as raw addresses.
    expect(sources[2]).toContain('VnExpress');
    expect(sources[2]).not.toContain('>https://');
    for (const note of r.notes ?? []) expect(html).not.toContain(note);
  });

  it('carries a TouristTrip whose itinerary lists the stops in order, villages with their page and exact points only', async () => {
    const r = route();
    const { jsonLd } = await page(`/routes/${r.id}?lang=en`);
    const trip = jsonLd.find((o) => o['@type'] === 'TouristTrip')!;
    expect(trip).toBeDefined();
    expect(trip['@context']).toBe('https://schema.org');
    expect(trip.name).toBe(r.name.en);
    expect(String(trip.url)).toMatch(new RegExp(`/routes/${r.id}`));
    const itinerary = trip.itinerary as { '@type': string; itemListElement: Array<{ '@type': string; position: number; item: Record<string, unknown> }> };
    expect(itinerary['@type']).toBe('ItemList');
    expect(itinerary.itemListElement.map((e) => e.position)).toEqual(r.stops.map((_, i) => i + 1));
    r.stops.forEach((stop, index) => {
      const element = itinerary.itemListElement[index]!;
      expect(element['@type']).toBe('ListItem');
      const entry = stop.village ? handbook.villages.find((v) => v.id === stop.village)! : handbook.places.find((p) => p.id === stop.place)!;
      expect(element.item.name).toBe(entry.name.en);
      expect(element.item['@type']).toBe(stop.village ? 'TouristAttraction' : 'Place');
      if (stop.village) expect(String(element.item.url)).toMatch(new RegExp(`/villages/${stop.village}$`));
      if (entry.location?.precision === 'village') {
        expect(element.item.geo).toEqual({ '@type': 'GeoCoordinates', latitude: entry.location.lat, longitude: entry.location.lon });
      } else expect(element.item.geo, `${entry.id} has no exact point`).toBeUndefined();
    });
    expect(itinerary.itemListElement.some((e) => e.item.geo)).toBe(true);
  });

  it('says a commune-level point is approximate, in one short line, and nothing of the sort for an exact one', async () => {
    const precision = (stop: { village?: string }) => handbook.villages.find((v) => v.id === stop.village)?.location?.precision;
    const r = route();
    const { html } = await page(`/routes/${r.id}?lang=en`);
    const stops = sections(html, /<li id="stop-\d+">([\s\S]*?)<\/li>/g);
    const approximate = r.stops.flatMap((s, i) => (s.village && precision(s) && precision(s) !== 'village' ? [i] : []));
    const exact = r.stops.flatMap((s, i) => (s.village && precision(s) === 'village' ? [i] : []));
    expect(approximate.length).toBeGreaterThan(0);
    expect(exact.length).toBeGreaterThan(0);
    for (const i of approximate) expect(stops[i], `stop ${i + 1}`).toContain('location approximate: commune');
    for (const i of exact) expect(stops[i], `stop ${i + 1}`).not.toContain('approximate');
  });

  it('is in Vietnamese for a Vietnamese browser', async () => {
    const r = route();
    const { text, jsonLd, language } = await page(`/routes/${r.id}`, 'vi');
    expect(language).toBe('vi');
    expect(text).toContain(r.name.vi);
    expect(text).toContain(folded(r.dayPlan.vi));
    expect(text).toContain('Mở cả tuyến trong ứng dụng bản đồ');
    expect(jsonLd.find((o) => o['@type'] === 'TouristTrip')!.name).toBe(r.name.vi);
  });
});

describe('GET /products', () => {
  const ids = (html: string) => [...new Set([...html.matchAll(/href="\/products\/([a-z0-9-]+)\?/g)].map((m) => m[1]!))];
  const next = (html: string) => /<a rel="next" href="([^"]+)"/.exec(html)?.[1];
  /** Every page of the list from `path` on, following its "next page" links: the products' ids and each page's HTML. */
  async function walk(path: string) {
    const pages: string[] = [];
    for (let url: string | undefined = path; url; url = next(pages.at(-1)!) && unescape(next(pages.at(-1)!)!)) {
      const answer = await page(url);
      expect(answer.status, url).toBe(200);
      pages.push(answer.html);
      expect(pages.length).toBeLessThan(50);
    }
    return { ids: pages.flatMap(ids), pages };
  }

  it('lists every product without a filter, a page at a time, each linked to its page', async () => {
    const { ids: all, pages } = await walk('/products?lang=en');
    expect([...all].sort()).toEqual(handbook.products.map((p) => p.id).sort());
    expect(pages.length).toBe(Math.ceil(handbook.products.length / PRODUCT_PAGE_SIZE));
    for (const html of pages) expect(ids(html).length).toBeLessThanOrEqual(PRODUCT_PAGE_SIZE);
    const { text } = await page('/products?lang=en');
    expect(text).toContain(`${handbook.products.length} of ${handbook.products.length} products · Page 1 of ${pages.length}`);
    // Rated products first, the best rated first.
    const stars = all.map((id) => handbook.products.find((p) => p.id === id)!.ocop?.stars ?? 0);
    expect(stars[0]).toBe(5);
    expect(stars.every((n, i) => i === 0 || n <= stars[i - 1]!)).toBe(true);
  });

  it('links the next page, and shows the last page for a page past it', async () => {
    const { pages } = await walk('/products?lang=en');
    expect(unescape(next(pages[0]!)!)).toBe('/products?page=2&lang=en');
    expect(ids((await page(`/products?lang=en&page=${pages.length + 5}`)).html)).toEqual(ids(pages.at(-1)!));
    expect(ids((await page('/products?lang=en&page=abc')).html)).toEqual(ids(pages[0]!));
    // A filter that keeps one page's worth has no pager, whatever page is asked for.
    const silk = await page('/products?lang=en&craft=silk&page=2');
    expect(ids(silk.html).sort()).toEqual(
      handbook.products
        .filter((p) => p.craft === 'silk')
        .map((p) => p.id)
        .sort(),
    );
    expect(silk.html).not.toContain('rel="next"');
    // The pager's links keep the filters (no filter keeps more than a page in today's handbook).
    expect(productListUrl({ ocop: 4, craft: 'silk', village: undefined }, 3, 'vi')).toBe('/products?ocop=4&craft=silk&page=3&lang=vi');
    expect(productListUrl({ village: 'bat-trang' }, 1, 'en')).toBe('/products?village=bat-trang&lang=en');
  });

  it('keeps only the confirmed ratings of exactly the stars asked for with ?ocop=', async () => {
    for (const stars of [3, 4, 5]) {
      const expected = handbook.products.filter((p) => p.ocop?.confirmed && p.ocop.stars === stars).map((p) => p.id);
      expect(expected.length, `${stars}★ products in the files`).toBeGreaterThan(0);
      expect((await walk(`/products?lang=en&ocop=${stars}`)).ids.sort(), `${stars}★`).toEqual(expected.sort());
    }
    // A 4★ rating the handbook has not confirmed is not shown as 4★ by the filter…
    const unconfirmed = handbook.products.find((p) => p.ocop?.stars === 4 && !p.ocop.confirmed)!;
    expect(unconfirmed).toBeDefined();
    expect((await walk('/products?ocop=4')).ids).not.toContain(unconfirmed.id);
    // …but stays on the unfiltered list, marked unconfirmed.
    const { pages } = await walk('/products?lang=en');
    const item = pages.flatMap((html) => sections(html, /<li>([\s\S]*?)<\/li>/g)).find((li) => li.startsWith(unconfirmed.name.en))!;
    expect(item).toContain('OCOP 4★');
    expect(item).toContain('unconfirmed');
  });

  it('filters by craft and by village, and by both', async () => {
    const silk = handbook.products.filter((p) => p.craft === 'silk').map((p) => p.id);
    expect(silk.length).toBeGreaterThan(0);
    expect((await walk('/products?craft=silk&lang=en')).ids.sort()).toEqual(silk.sort());

    const batTrang = handbook.products.filter((p) => p.village === 'bat-trang').map((p) => p.id);
    expect(batTrang.length).toBeGreaterThan(0);
    expect((await walk('/products?village=bat-trang&lang=en')).ids.sort()).toEqual(batTrang.sort());

    // The form as a browser sends it: every field, the unused ones empty; the choices stay selected.
    const both = await walk('/products?lang=en&ocop=&craft=silk&village=van-phuc');
    const expected = handbook.products.filter((p) => p.craft === 'silk' && p.village === 'van-phuc').map((p) => p.id);
    expect(expected.length).toBeLessThan(silk.length);
    expect(both.ids.sort()).toEqual(expected.sort());
    expect(both.pages[0]).toContain('<option value="silk" selected>');
    expect(both.pages[0]).toContain('<option value="van-phuc" selected>');
  });

  it('says so when nothing matches, and offers to clear the filters', async () => {
    const { status, html, text } = await page('/products?lang=en&craft=silk&village=bat-trang&ocop=5');
    expect(status).toBe(200);
    expect(ids(html)).toEqual([]);
    expect(text).toContain('No product matches these filters.');
    expect(hrefs(html)).toContain('/products?lang=en');
    const vi = await page('/products?craft=no-such-craft', 'vi');
    expect(vi.text).toContain('Không có sản phẩm nào khớp với bộ lọc này.');
  });

  it('leaves out a filter value that cannot be one, as /villages does', async () => {
    const everything = ids((await page('/products?lang=en')).html);
    for (const query of ['ocop=7', 'craft=%3Cscript%3E', 'village=Bat%20Trang', 'ocop=4&ocop=5']) {
      const { status, html } = await page(`/products?lang=en&${query}`);
      expect(status, query).toBe(200);
      expect(ids(html), query).toEqual(everything);
    }
  });
});

describe('GET /products/:id', () => {
  const product = (id: string) => handbook.products.find((p) => p.id === id)!;

  it('shows the product, its village, its OCOP stars with the year, where to buy and the online link the handbook holds', async () => {
    const p = product(SHOP_PRODUCT);
    const { status, html, text } = await page(`/products/${p.id}?lang=en`);
    expect(status).toBe(200);
    expect(text).toContain(p.name.en);
    expect(hrefs(html)).toContain('/villages/van-phuc?lang=en');
    expect(text).toContain(`OCOP ${p.ocop!.stars}★ · ${p.ocop!.year}`);
    expect(text).not.toContain('unconfirmed');
    expect(text).toContain(folded(p.whereToBuy!.en));
    const shop = handbook.places.find((x) => x.id === p.places[0])!;
    expect(text).toContain(shop.name.en);
    expect(text).toContain(folded(shop.offers!.en));
    expect(hrefs(html)).toContain(SHOP_URL);
    expect(text).toContain("Online shop or the producer's page");
  });

  it("lists the village's own shops apart, and the city's OCOP centres folded, for an OCOP product", async () => {
    const { html, text } = await page(`/products/${SHOP_PRODUCT}?lang=en`);
    expect(text).toContain('Shops and showrooms in Vạn Phúc');
    const villageShops = handbook.places.filter(
      (x) => x.villages.includes('van-phuc') && ['market', 'showroom', 'ocop_centre', 'ocop_sales_point'].includes(x.kind),
    );
    for (const shop of villageShops.filter((x) => !product(SHOP_PRODUCT).places.includes(x.id))) expect(text).toContain(shop.name.en);
    const city = handbook.places.filter((x) => x.villages.length === 0 && x.kind.startsWith('ocop_'));
    expect(city.length).toBeGreaterThan(0);
    const details = /<details class="city-places">\s*<summary>OCOP centres and sales points in Hanoi \((\d+)\)<\/summary>([\s\S]*?)<\/details>/.exec(html)!;
    expect(Number(details[1])).toBe(city.length);
    for (const place of city) expect(unescape(details[2]!)).toContain(place.name.en);
  });

  it('says a rating the handbook has not confirmed is unconfirmed, in both languages', async () => {
    const p = handbook.products.find((x) => x.ocop?.stars && !x.ocop.confirmed)!;
    expect((await page(`/products/${p.id}`, 'en')).text).toContain(`OCOP ${p.ocop!.stars}★ · unconfirmed`);
    expect((await page(`/products/${p.id}`, 'vi')).text).toContain(`OCOP ${p.ocop!.stars}★ · chưa xác nhận`);
  });

  it('carries a Product with its name, craft and producer, and no invented offer', async () => {
    const p = product(SHOP_PRODUCT);
    const { jsonLd } = await page(`/products/${p.id}?lang=en`);
    const item = jsonLd.find((o) => o['@type'] === 'Product')!;
    expect(item).toBeDefined();
    expect(item['@context']).toBe('https://schema.org');
    expect(item.name).toBe(p.name.en);
    expect(item.category).toBe(handbook.crafts.find((c) => c.id === p.craft)!.name.en);
    expect(item.manufacturer).toEqual({ '@type': 'Organization', name: p.producer });
    expect(String(item.url)).toMatch(new RegExp(`/products/${p.id}`));
    expect(item.award).toBe(`OCOP ${p.ocop!.stars}★ (${p.ocop!.year})`);
    expect(item).not.toHaveProperty('offers');
    expect(JSON.stringify(item)).not.toMatch(/price/i);
    const vi = (await page(`/products/${p.id}`, 'vi')).jsonLd.find((o) => o['@type'] === 'Product')!;
    expect(vi.name).toBe(p.name.vi);
  });

  it('gives no award for a rating that is not confirmed', async () => {
    const p = handbook.products.find((x) => x.ocop?.stars && !x.ocop.confirmed)!;
    const item = (await page(`/products/${p.id}?lang=en`)).jsonLd.find((o) => o['@type'] === 'Product')!;
    expect(item).not.toHaveProperty('award');
  });

  it('folds its sources under one summary', async () => {
    const p = product(SHOP_PRODUCT);
    const { html } = await page(`/products/${p.id}?lang=en`);
    const sources = /<details class="sources">\s*<summary>[^<]*\((\d+)\)<\/summary>([\s\S]*?)<\/details>/.exec(html)!;
    expect(Number(sources[1])).toBe(p.sources.length);
    for (const source of p.sources) expect(hrefs(sources[2]!)).toContain(source);
  });

  it('says where to ask when the handbook names no shop', async () => {
    const p = handbook.products.find((x) => !x.whereToBuy && x.places.length === 0 && !x.url)!;
    const village = handbook.villages.find((v) => v.id === p.village)!;
    const { text } = await page(`/products/${p.id}?lang=en`);
    expect(text).toContain('The handbook lists no shop for this product yet');
    expect(text).toContain(village.name.en);
  });
});

describe('unknown ids', () => {
  for (const path of ['/routes/no-such-route', '/products/no-such-product', '/routes/NOT%20AN%20ID', '/products/%3Cscript%3E']) {
    it(`answer ${path} with a 404 page in the visitor's language`, async () => {
      const vi = await page(path, 'vi');
      const en = await page(path, 'en');
      for (const answer of [vi, en]) {
        expect(answer.status).toBe(404);
        expect(answer.type).toContain('text/html');
      }
      expect(vi.html).toMatch(/<html lang="vi"/);
      expect(en.html).toMatch(/<html lang="en"/);
      expect(vi.text).toContain(messages.t('vi', 'web-not-found-title'));
      expect(en.text).toContain(messages.t('en', 'web-not-found-title'));
    });
  }
});

describe('page weight', () => {
  it('keeps every page under 60 KB gzip-compressed', async () => {
    const paths = ['/routes', '/routes/langnghe-gia-lam', '/products', `/products/${SHOP_PRODUCT}`];
    for (const lang of ['vi', 'en'] as const) {
      for (const path of paths) {
        const { status, html } = await page(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(status).toBe(200);
        const compressed = gzipSync(html).length;
        expect(compressed, `${path} (${lang}): ${compressed} bytes gzip`).toBeLessThanOrEqual(60 * 1024);
      }
    }
  });
});
