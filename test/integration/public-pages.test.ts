// The public site's core as a visitor and a search engine meet it: the home page, the villages and a village's
// full entry, in Vietnamese and English, found by filters and by text typed with a mistake or without accents;
// the head's canonical, hreflang, Open Graph and JSON-LD; staff notes never shown; sources folded under their
// sites' names; the 404 page; the sitemap and robots.txt; and each page's compressed weight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadHandbook } from '../../src/content/load.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import type { Config } from '../../src/config.js';
import { testConfig } from '../helpers/test-env.js';

const handbook = loadHandbook('content');
const village = (id: string) => handbook.villages.find((v) => v.id === id)!;
const PAGE_BUDGET = 60 * 1024;

let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let vlogSlug: string;
let olderSlug: string;
let posterUrl: string;

type Page = { status: number; html: string; headers: Headers };

async function get(path: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The bytes on the wire when the browser accepts gzip (fetch would unpack them). */
function gzipped(path: string): Promise<{ status: number; encoding?: string; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${app.url}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        resolve({ status: res.statusCode!, encoding, bytes: raw.length, body: (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];
const htmlLang = (html: string) => attr(html, /<html lang="([a-z]+)"/);
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
/** The village links of a /villages result, in order. */
const listedVillages = (html: string) => [...mainOf(html).matchAll(/<li class="card">\s*<h2><a href="\/villages\/([a-z0-9-]+)/g)].map((m) => m[1]!);
// What Eta's escaping makes of the handbook's text.
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A published vlog of a village, straight into the database (its poster need not exist for the page). */
async function publishVlog(villageId: string, title: string, publishedAt: Date) {
  const id = randomUUID();
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 6)}`;
  await prisma.clip.create({
    data: {
      id,
      title,
      state: 'ready',
      slug,
      villageId,
      sourceName: `${slug}.mp4`,
      sourceBytes: 1n,
      width: 1280,
      height: 720,
      durationSec: 4,
      renditions: { create: [{ kind: 'poster', path: `clips/${id}/poster.jpg`, mimeType: 'image/jpeg', width: 1280, height: 720, bytes: 1n }] },
      publications: { create: [{ target: 'web', publishAt: publishedAt, state: 'published', publishedAt }] },
    },
  });
  return { slug, poster: `/media/clips/${id}/poster.jpg` };
}

beforeAll(async () => {
  config = testConfig({ PUBLIC_URL: 'https://langnghe.example.vn' });
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'server');
  const older = await publishVlog('bat-trang', 'Cho gom buoi som', new Date(Date.now() - 86_400_000));
  const latest = await publishVlog('bat-trang', 'Lo gom dem', new Date());
  vlogSlug = latest.slug;
  olderSlug = older.slug;
  posterUrl = latest.poster;
});

afterAll(async () => {
  await prisma?.clip.deleteMany({ where: { slug: { in: [vlogSlug, olderSlug].filter(Boolean) } } });
  await app?.close();
  await prisma?.$disconnect();
});

describe('the home page', () => {
  it('has the search box, the crafts, the map of every village, the routes, featured OCOP products and the latest vlogs', async () => {
    const { status, html } = await get('/?lang=en');
    expect(status).toBe(200);
    expect(html).toMatch(/<form class="search" role="search" action="\/villages" method="get">/);
    expect(html).toContain('name="q"');
    expect(html).toContain('href="/villages?craft=ceramics&amp;lang=en"');
    expect(html).toContain('data-geojson="/api/map.geojson"');
    for (const route of handbook.routes) expect(html).toContain(`href="/routes/${route.id}?lang=en"`);
    // The best-rated confirmed products: a 5★ one is there, an unconfirmed rating is not featured.
    expect(html).toMatch(/href="\/products\/[a-z0-9-]+\?lang=en">[^<]+<\/a><\/h3>\s*<p class="meta"><span class="stars">OCOP 5★/);
    const unconfirmed = handbook.products.filter((p) => p.ocop?.stars && !p.ocop.confirmed);
    for (const p of unconfirmed) expect(mainOf(html)).not.toContain(`/products/${p.id}?`);
    expect(html).toContain(`href="/vlogs/${vlogSlug}?lang=en"`);
    expect(html).toContain('<script src="/chat.js" data-lang="en" defer></script>');
  });

  it('is in Vietnamese for a Vietnamese browser, with its link card and language links', async () => {
    const { html, headers } = await get('/', { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' });
    expect(htmlLang(html)).toBe('vi');
    expect(headers.get('content-language')).toBe('vi');
    expect(html).toContain('<link rel="canonical" href="https://langnghe.example.vn/?lang=vi">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="https://langnghe.example.vn/?lang=en">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://langnghe.example.vn/">');
    expect(html).toContain('<meta property="og:locale" content="vi_VN">');
    // The newest vlog's poster is the card's picture, as an absolute address.
    expect(html).toContain(`<meta property="og:image" content="https://langnghe.example.vn${posterUrl}">`);
  });
});

describe('the language', () => {
  it('follows ?lang=, then the remembered choice, then the browser', async () => {
    expect(htmlLang((await get('/villages', { 'accept-language': 'en-GB,en;q=0.9' })).html)).toBe('en');
    expect(htmlLang((await get('/villages', { 'accept-language': 'fr-FR,fr;q=0.9,vi;q=0.8,en;q=0.5' })).html)).toBe('vi');
    expect(htmlLang((await get('/villages', { 'accept-language': 'de' })).html)).toBe('vi');

    const chosen = await get('/villages?lang=en', { 'accept-language': 'vi' });
    expect(htmlLang(chosen.html)).toBe('en');
    const cookie = chosen.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toMatch(/Path=\//);
    // The next page, asked without ?lang= by a Vietnamese browser, stays in English.
    const next = await get('/villages/bat-trang', { 'accept-language': 'vi', cookie: 'lang=en' });
    expect(htmlLang(next.html)).toBe('en');
    expect(next.headers.get('vary')).toMatch(/Accept-Language/);
    // ?lang= still wins over the cookie.
    expect(htmlLang((await get('/villages/bat-trang?lang=vi', { cookie: 'lang=en' })).html)).toBe('vi');
  });

  it('switches language keeping the page and its filters', async () => {
    const { html } = await get('/villages?craft=silk&lang=vi');
    expect(html).toMatch(/<a class="lang-switch" href="\/villages\?craft=silk&amp;lang=en" hreflang="en"/);
  });
});

describe('/villages', () => {
  it('lists every village, with a filter form that needs no JavaScript', async () => {
    const { status, html } = await get('/villages?lang=vi');
    expect(status).toBe(200);
    expect(listedVillages(html).sort()).toEqual(handbook.villages.map((v) => v.id).sort());
    expect(html).toMatch(/<form class="filters" action="\/villages" method="get"/);
    for (const name of ['q', 'craft', 'district', 'title', 'ocop']) expect(html).toContain(`name="${name}"`);
    expect(html).toContain(`${handbook.villages.length} trong ${handbook.villages.length} làng`);
  });

  it('filters by craft, former district, new commune, recognition title and OCOP', async () => {
    const silk = handbook.villages.filter((v) => v.crafts.includes('silk')).map((v) => v.id);
    expect(silk.length).toBeGreaterThan(1);
    expect(listedVillages((await get('/villages?craft=silk')).html).sort()).toEqual(silk.sort());

    const giaLam = handbook.villages.filter((v) => v.address.formerDistrict === 'huyện Gia Lâm').map((v) => v.id);
    expect(listedVillages((await get('/villages?district=gia-lam')).html).sort()).toEqual(giaLam.sort());
    // The new commune's key works too.
    const batTrangCommune = handbook.villages.filter((v) => v.address.commune?.includes('xã Bát Tràng')).map((v) => v.id);
    expect(listedVillages((await get('/villages?district=bat-trang')).html).sort()).toEqual(batTrangCommune.sort());

    const titled = handbook.villages.filter((v) => v.recognition.some((r) => r.title === 'craft_village' && r.confirmed)).map((v) => v.id);
    expect(listedVillages((await get('/villages?title=craft_village')).html).sort()).toEqual(titled.sort());

    const ocop = new Set(handbook.products.filter((p) => p.ocop?.stars && p.ocop.confirmed).map((p) => p.village));
    const ocopListed = listedVillages((await get('/villages?ocop=1')).html);
    expect(ocopListed.sort()).toEqual([...ocop].sort());
    // Filters combine.
    expect(listedVillages((await get('/villages?district=gia-lam&ocop=1')).html).sort()).toEqual(giaLam.filter((id) => ocop.has(id)).sort());
  });

  it('finds a village typed with a mistake or without diacritics, and crafts by their word', async () => {
    expect(listedVillages((await get('/villages?q=bat+trnag')).html)[0]).toBe('bat-trang');
    expect(listedVillages((await get('/villages?q=van+phuc+lua')).html)).toContain('van-phuc');
    expect(listedVillages((await get(`/villages?q=${encodeURIComponent('kieu ky')}`)).html)[0]).toBe('kieu-ky');
    expect(listedVillages((await get(`/villages?q=${encodeURIComponent('Kiêu Kỵ')}`)).html)[0]).toBe('kieu-ky');
    const hats = listedVillages((await get(`/villages?q=${encodeURIComponent('nón lá')}`)).html);
    expect(hats).toContain('chuong');
    // A place name finds the villages there.
    const thuongTin = handbook.villages.filter((v) => v.address.formerDistrict === 'huyện Thường Tín').map((v) => v.id);
    expect(listedVillages((await get('/villages?q=thuong+tin')).html).sort()).toEqual(thuongTin.sort());
  });

  it('says so when nothing matches, with a way to clear the filters', async () => {
    const { status, html } = await get('/villages?q=xyzzy+qwerty&lang=en');
    expect(status).toBe(200);
    expect(listedVillages(html)).toEqual([]);
    expect(html).toContain('No village matches these filters.');
    expect(html).toContain('href="/villages?lang=en"');
    // A search's results stay out of search engines.
    expect(html).toContain('<meta name="robots" content="noindex">');
    // Malformed filters narrow nothing instead of failing.
    expect((await get('/villages?craft=%3Cscript%3E&district[]=x')).status).toBe(200);
  });
});

describe('/villages/:id', () => {
  it('is the full entry: crafts, address, story, titles with years, products, nearby villages, routes, vlogs, directions', async () => {
    const { status, html } = await get('/villages/bat-trang?lang=en');
    expect(status).toBe(200);
    const main = mainOf(html);
    const batTrang = village('bat-trang');
    expect(main).toContain('<h1>Bát Tràng Ceramic Village</h1>');
    expect(main).toContain('href="/villages?craft=ceramics&amp;lang=en">Ceramics</a>');
    expect(main).toContain('xã Bát Tràng, huyện Gia Lâm');
    expect(main).toContain(escaped(batTrang.history!.en));
    expect(main).toContain('World Crafts Council craft city network (2024)');
    for (const p of handbook.products.filter((x) => x.village === 'bat-trang')) expect(main).toContain(`href="/products/${p.id}?lang=en"`);
    expect(main).toMatch(/href="\/villages\/giang-cao\?lang=en">[^<]+<\/a> <span class="meta">· 1\.\d km<\/span>/);
    expect(main).toContain('href="/routes/langnghe-gia-lam?lang=en"');
    // The latest vlog with its poster, then the others.
    expect(main).toMatch(
      new RegExp(`<h2 id="village-vlogs">Latest vlog</h2>\\s*<a class="vlog-feature" href="/vlogs/${vlogSlug}\\?lang=en"><img src="${posterUrl}"`),
    );
    expect(main).toContain(`href="/vlogs/${olderSlug}?lang=en"`);
    expect(main).toContain('href="https://www.google.com/maps/dir/20.973192,105.914124"');
    expect(main).toContain('data-geojson="/api/map.geojson?village=bat-trang"');
    expect(html).toContain(`<meta property="og:image" content="https://langnghe.example.vn${posterUrl}">`);
  });

  it('carries JSON-LD: a TouristAttraction named as the page, with its address, and geo only for an exact point', async () => {
    const exact = jsonLdOf((await get('/villages/bat-trang?lang=vi')).html);
    expect(exact).toHaveLength(1);
    expect(exact[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'TouristAttraction',
      name: 'Bát Tràng',
      url: 'https://langnghe.example.vn/villages/bat-trang?lang=vi',
      address: { '@type': 'PostalAddress', addressLocality: 'xã Bát Tràng', addressRegion: 'Hà Nội', addressCountry: 'VN' },
      geo: { '@type': 'GeoCoordinates', latitude: 20.973192, longitude: 105.914124 },
      image: `https://langnghe.example.vn${posterUrl}`,
    });
    const commune = jsonLdOf((await get('/villages/an-phu?lang=en')).html)[0]!;
    expect(commune['@type']).toBe('TouristAttraction');
    expect(commune.name).toBe(village('an-phu').name.en);
    expect(commune.geo).toBeUndefined();
  });

  it('has a canonical URL, hreflang links and Open Graph tags', async () => {
    const { html } = await get('/villages/xuan-la?lang=en');
    expect(html).toContain('<link rel="canonical" href="https://langnghe.example.vn/villages/xuan-la?lang=en">');
    expect(html).toContain('<link rel="alternate" hreflang="vi" href="https://langnghe.example.vn/villages/xuan-la?lang=vi">');
    expect(html).toContain(`<meta property="og:title" content="${escaped(village('xuan-la').name.en)}">`);
    expect(html).toContain(`<meta property="og:description" content="${escaped(village('xuan-la').summary.en)}">`);
    expect(html).toContain('<meta property="og:url" content="https://langnghe.example.vn/villages/xuan-la?lang=en">');
    // No vlog (no test publishes one for Xuân La), no picture: a plain card.
    expect(html).not.toContain('og:image');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
  });

  it('never shows the staff notes or where a map point came from', async () => {
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    let checked = 0;
    for (const v of handbook.villages) {
      // A note that repeats what the entry tells visitors anyway proves nothing either way.
      const strings = (value: unknown): string[] =>
        typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
      const told = squash(strings({ ...v, notes: undefined, location: undefined }).join(' '));
      const secret = [...(v.notes ?? []), v.location?.note ?? ''].map((note) => squash(note).slice(0, 60)).filter((note) => note && !told.includes(note));
      if (!secret.length) continue;
      for (const lang of ['vi', 'en']) {
        const { status, html } = await get(`/villages/${v.id}?lang=${lang}`);
        expect(status, v.id).toBe(200);
        for (const note of secret) expect(squash(html), `${v.id}: ${note}`).not.toContain(escaped(note));
        checked += secret.length;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('folds the sources under "Sources", each as its site name and a readable title', async () => {
    const main = mainOf((await get('/villages/bat-trang?lang=en')).html);
    const folded = /<details class="sources">\s*<summary>Sources \((\d+)\)<\/summary>([\s\S]*?)<\/details>/.exec(main);
    expect(folded).not.toBeNull();
    expect(Number(folded![1])).toBeGreaterThanOrEqual(village('bat-trang').sources.length);
    expect(folded![2]).toContain('<span class="site-name">VnExpress</span> — Cam nang du lich lang gom bat trang</a>');
    // A percent-encoded address is shown decoded, and no raw URL is a link's text.
    expect(folded![2]).toContain('<span class="site-name">Nhân Dân</span> — Hội làng bát tràng</a>');
    expect(folded![2]).not.toMatch(/>https?:\/\//);
    // Outside the fold, no source address is printed.
    expect(main.replace(folded![0], '')).not.toContain('vnexpress.net');
  });

  it('says "location approximate" for a commune-level point and not for a village-level one', async () => {
    // The line under the map (the map's script carries the same words for its popups).
    const approximate = '<p class="meta">Location approximate: commune</p>';
    expect(village('an-phu').location?.precision).toBe('commune');
    expect((await get('/villages/an-phu?lang=en')).html).toContain(approximate);
    expect((await get('/villages/an-phu?lang=vi')).html).toContain('<p class="meta">Vị trí gần đúng: theo xã</p>');
    for (const id of ['bat-trang', 'thach-xa']) {
      expect(village(id).location?.precision).toBe('village');
      expect((await get(`/villages/${id}?lang=en`)).html).not.toContain(approximate);
    }
  });

  it('says "unconfirmed" where the handbook does', async () => {
    // A new commune the handbook is not sure of, one of two communes, and none known at all.
    expect(village('binh-phu').address.communeConfirmed).toBe(false);
    expect(mainOf((await get('/villages/binh-phu?lang=en')).html)).toContain('<dd>xã Tây Phương (unconfirmed)</dd>');
    expect(mainOf((await get('/villages/an-phu?lang=en')).html)).toContain('<dd>phường Nghĩa Đô or phường Tây Hồ (unconfirmed)</dd>');
    expect(mainOf((await get('/villages/hang-than?lang=vi')).html)).toContain('<dd>chưa được xác nhận</dd>');
    // A recognition the sources do not confirm.
    expect(village('minh-khai').recognition.some((r) => r.title === 'traditional_craft_village' && !r.confirmed)).toBe(true);
    expect(mainOf((await get('/villages/minh-khai?lang=en')).html)).toContain('Hanoi traditional craft village (unconfirmed)');
  });

  it('answers an unknown id with the 404 page', async () => {
    const unknown = await get('/villages/xuan-lai?lang=en');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Page not found');
  });
});

describe('the 404 page', () => {
  it("is in the visitor's language, with a way back and the search box", async () => {
    const vi = await get('/khong-co-trang-nay', { 'accept-language': 'vi' });
    expect(vi.status).toBe(404);
    expect(vi.headers.get('content-type')).toMatch(/^text\/html/);
    expect(htmlLang(vi.html)).toBe('vi');
    expect(vi.html).toContain('Không tìm thấy trang');
    expect(vi.html).toContain('href="/?lang=vi"');
    expect(vi.html).toContain('action="/villages"');
    expect(vi.html).toContain('<meta name="robots" content="noindex">');

    const en = await get('/vlogs/no-such-vlog', { 'accept-language': 'en-US' });
    expect(en.status).toBe(404);
    expect(htmlLang(en.html)).toBe('en');
    expect(en.html).toContain('Page not found');
    // The language chosen before holds here too.
    expect(htmlLang((await get('/no/such/page', { 'accept-language': 'vi', cookie: 'lang=en' })).html)).toBe('en');
  });

  it('stays JSON for /api', async () => {
    const response = await fetch(`${app.url}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('/sitemap.xml and /robots.txt', () => {
  it('lists every public page in both languages, with hreflang alternates, as well-formed XML', async () => {
    const { status, html: xml, headers } = await get('/sitemap.xml');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const base = 'https://langnghe.example.vn';
    for (const path of ['/', '/villages', '/routes', '/products', '/vlogs', `/vlogs/${vlogSlug}`]) {
      expect(locs).toContain(`${base}${path}?lang=vi`);
      expect(locs).toContain(`${base}${path}?lang=en`);
    }
    for (const v of handbook.villages) expect(locs).toContain(`${base}/villages/${v.id}?lang=vi`);
    for (const r of handbook.routes) expect(locs).toContain(`${base}/routes/${r.id}?lang=en`);
    for (const p of handbook.products) expect(locs).toContain(`${base}/products/${p.id}?lang=en`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${base}/villages/bat-trang?lang=en"/>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${base}/villages/bat-trang"/>`);
    // Well-formed: every element closes in order, and no bare "&".
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z:]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('robots.txt allows the public pages and the map data, not the console and the API', async () => {
    const { status, html: text } = await get('/robots.txt');
    expect(status).toBe(200);
    expect(text).toContain('User-agent: *');
    expect(text).toContain('Allow: /api/map.geojson');
    expect(text).toContain('Disallow: /api/');
    expect(text).toContain('Disallow: /console');
    expect(text).toContain('Sitemap: https://langnghe.example.vn/sitemap.xml');
  });
});

describe('page weight and caching', () => {
  it(`keeps each big page under ${PAGE_BUDGET / 1024} KB gzipped, and the stylesheet in one cached file`, async () => {
    for (const path of ['/villages/bat-trang?lang=vi', '/villages/bat-trang?lang=en', '/?lang=vi', '/villages?lang=vi', '/villages?lang=en']) {
      const page = await gzipped(path);
      expect(page.status, path).toBe(200);
      expect(page.encoding, path).toBe('gzip');
      expect(page.bytes, path).toBeLessThanOrEqual(PAGE_BUDGET);
      expect(page.body, path).toMatch(/<\/html>\s*$/);
      // No stylesheet inlined in the page itself, only the map's few lines.
      expect(page.body.match(/<style>/g)?.length ?? 0, path).toBeLessThanOrEqual(1);
    }
    const home = (await get('/')).html;
    const stylesheet = attr(home, /<link rel="stylesheet" href="([^"]+)">/)!;
    const css = await fetch(`${app.url}${stylesheet}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });
});
