// Facts of the handbook checked against the research briefs, on the files themselves (no database):
// who makes kitchen cabinets, unconfirmed ratings, neighbours on one former commune, staff-only talk
// about our sources, Vietnamese names in English text, and old links to renamed ids.
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { loadHandbook } from '../../src/content/load.js';
import { handbookRoutes, renamedIds } from '../../src/http/routes/handbook.js';
import { villagePages } from '../../src/http/routes/village-pages.js';
import type { AppDeps } from '../../src/http/deps.js';

const handbook = loadHandbook('content');
const village = (id: string) => {
  const found = handbook.villages.find((v) => v.id === id);
  if (!found) throw new Error(`no village ${id}`);
  return found;
};

/** Every text a visitor may read: all strings but ids, aliases, sources, URLs and staff notes. */
function visitorTexts(value: unknown, path: string[] = []): Array<{ path: string; lang: string | undefined; text: string }> {
  if (typeof value === 'string') return [{ path: path.join('.'), lang: path.at(-1) === 'vi' || path.at(-1) === 'en' ? path.at(-1) : undefined, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => visitorTexts(item, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      ['id', 'aliases', 'sources', 'url', 'notes', 'village', 'villages', 'crafts', 'craft', 'places', 'place'].includes(key)
        ? []
        : visitorTexts(item, [...path, key]),
    );
  }
  return [];
}
const entries = [
  ...handbook.villages.map((e) => ({ at: `villages/${e.id}`, e })),
  ...handbook.crafts.map((e) => ({ at: `crafts/${e.id}`, e })),
  ...handbook.products.map((e) => ({ at: `products/${e.id}`, e })),
  ...handbook.places.map((e) => ({ at: `places/${e.id}`, e })),
  ...handbook.routes.map((e) => ({ at: `routes/${e.id}`, e })),
  ...handbook.elsewhere.map((e) => ({ at: `elsewhere/${e.id}`, e })),
];
const texts = entries.flatMap(({ at, e }) => visitorTexts(e).map((t) => ({ ...t, at: `${at} ${t.path}` })));
const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('the handbook agrees with the research briefs', () => {
  it('names only Phú An, of Hát Môn, Triệu Xuyên and Phú An, as making kitchen cabinets', () => {
    const carpentry = handbook.crafts.find((c) => c.id === 'carpentry')!;
    expect(carpentry.description.en).toMatch(/Hát Môn and Triệu Xuyên, making woodwork, and Phú An, known for kitchen cabinets/);
    expect(carpentry.description.vi).toMatch(/Hát Môn và Triệu Xuyên làm đồ mộc, còn Phú An chuyên tủ bếp/);
    for (const text of [carpentry.description.en, carpentry.description.vi]) expect(text).not.toMatch(/Hát Môn, Triệu Xuyên (and|và) Phú An/);
    for (const id of ['hat-mon', 'trieu-xuyen']) {
      expect(village(id).summary.en, id).not.toMatch(/kitchen cabinet/i);
      expect(village(id).summary.vi, id).not.toMatch(/tủ bếp/);
    }
    expect(village('phu-an').summary.en).toMatch(/kitchen cabinets/);
  });

  it("gives Bình Phú's 4-star OCOP rating as unconfirmed (the brief has it only from a headline)", () => {
    const fourStars = handbook.products.filter((p) => p.village === 'binh-phu' && p.ocop?.stars === 4);
    expect(fourStars.length).toBeGreaterThan(0);
    for (const product of fourStars) expect(product.ocop?.confirmed, product.id).toBe(false);
    expect(village('binh-phu').visit.shopping?.en).toMatch(/4-star \(unconfirmed\)/);
    expect(village('binh-phu').visit.shopping?.vi).toMatch(/4 sao \(chưa được xác nhận\)/);
  });

  it('does not flag the Xuân La tò he village as fading (only its cotton-carding craft is listed)', () => {
    expect(village('xuan-la').atRisk).toBeUndefined();
    expect(village('xuan-la').history?.en).toMatch(/cotton-carding/);
  });

  it('marks Hàng Than’s commune after 1 July 2025 as unconfirmed', () => {
    expect(village('hang-than').address.communeConfirmed).toBe(false);
  });

  it.each([
    ['cuu', 'chung-chan'],
    ['vu-lang', 'canh-hoach'],
    ['bat-ung-hoa', 'vu-ngoai'],
  ])('agrees on the commune of neighbours %s and %s', (a, b) => {
    expect(village(a).address.formerCommune).toBe(village(b).address.formerCommune);
    expect(village(a).address.commune).toBe(village(b).address.commune);
    expect(village(a).address.communeConfirmed).toBe(village(b).address.communeConfirmed);
  });

  it('keeps talk about our sources out of every visitor-facing text', () => {
    const sourceTalk = new RegExp(
      [
        'sources? (name|names|say|says|simply say|give|gives|do not|does not|report|differ)',
        '(other|some|two) sources',
        'according to (the |our |one )?sources?',
        '\\b(one|another) source',
        '(our|the handbook.s) map point',
        'the handbook has no map point',
        'the brief',
        'nguồn (tin |cũng |khác )?(không|chưa|cho biết|gọi|nói|ghi)',
        '(một số|có|một) nguồn',
        'các nguồn',
        'nguồn của chúng tôi',
        'theo (hai |một )?nguồn',
        'điểm (trên )?bản đồ (của sổ tay|chúng tôi)',
      ].join('|'),
      'i',
    );
    const found = texts.filter((t) => sourceTalk.test(t.text)).map((t) => `${t.at}: ${t.text}`);
    expect(found).toEqual([]);
  });

  it('spells village names with their diacritics in English text', () => {
    const names = handbook.villages.map((v) => v.name.vi).filter((name) => bare(name) !== name);
    const found: string[] = [];
    for (const name of names) {
      const plain = new RegExp(`(?<![\\p{L}\\p{M}])${bare(name)}(?![\\p{L}\\p{M}])`, 'u');
      for (const t of texts.filter((t) => t.lang === 'en' && plain.test(t.text))) found.push(`${t.at}: "${bare(name)}" should be "${name}"`);
    }
    expect(found).toEqual([]);
    expect(village('hat-mon').name.en).toContain('Hát Môn');
    expect(village('hat-mon').aliases).toContain('hat mon');
  });
});

describe('renamed ids', () => {
  it('renamed the Vụn Art showroom to vun-art-van-phuc everywhere', () => {
    expect(handbook.places.map((p) => p.id)).toContain('vun-art-van-phuc');
    expect(handbook.places.map((p) => p.id)).not.toContain('vu-art-van-phuc');
    expect(handbook.products.filter((p) => p.places.includes('vu-art-van-phuc'))).toEqual([]);
    expect(handbook.products.filter((p) => p.places.includes('vun-art-van-phuc')).length).toBeGreaterThan(0);
    for (const [from, to] of renamedIds) {
      const ids = [...handbook.villages, ...handbook.places, ...handbook.routes, ...handbook.products].map((e) => e.id);
      expect(ids, from).not.toContain(from);
      expect(ids, to).toContain(to);
    }
  });

  it('answers an old id’s page or API address with a 301 to the new one', async () => {
    const deps = { services: { handbook: {}, publishing: {} }, config: {}, messages: { t: () => '' } } as unknown as AppDeps;
    const app = Fastify();
    await app.register(handbookRoutes(deps));
    await app.register(villagePages(deps));
    try {
      for (const [from, to] of [
        ['/api/villages/vu-art-van-phuc', '/api/villages/vun-art-van-phuc'],
        ['/api/routes/vu-art-van-phuc', '/api/routes/vun-art-van-phuc'],
        ['/villages/vu-art-van-phuc?lang=en', '/villages/vun-art-van-phuc?lang=en'],
      ] as const) {
        const response = await app.inject({ method: 'GET', url: from });
        expect(response.statusCode, from).toBe(301);
        expect(response.headers.location, from).toBe(to);
      }
    } finally {
      await app.close();
    }
  });
});
