// The console's handbook page as staff read it: words instead of the files' codes (craft names, recognition
// titles with their year, how precise a location is, OCOP ratings), tables cut into pages with previous/next
// links that keep the filter, and a filter that finds rows on every page. Also the public /vlogs page's
// stylesheet, which keeps posters at their aspect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { loadHandbook } from '../../src/content/load.js';
import { precisions, recognitionTitles } from '../../src/content/schema.js';
import { Messages } from '../../src/i18n/messages.js';
import { HANDBOOK_PAGE_SIZE } from '../../src/http/console/handbook-pages.js';
import { testConfig } from '../helpers/test-env.js';
import { CookieJar } from '../helpers/cookie-jar.js';

const STAFF = { email: 'so.tay@langnghe.test', password: 'giay-do-duong-2030' };
const handbook = loadHandbook('content');
const messages = new Messages('content/locales');

let app: RunningApp;
let prisma: PrismaClient;
const jar = new CookieJar();

async function request(path: string, init: { form?: Record<string, string>; lang?: string } = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method: init.form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  return jar.take(response);
}

/** The page's HTML, and its text as a reader sees it (no tags, no attributes). */
async function page(path: string) {
  const response = await request(path);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
  return { html, text };
}

const villageIds = (html: string) => [...html.matchAll(/<tr data-village-id="([^"]+)"/g)].map((m) => m[1]!);
const productIds = (html: string) => [...html.matchAll(/<tr data-product-id="([^"]+)"/g)].map((m) => m[1]!);
const link = (html: string, rel: 'next' | 'prev', section: 'villages' | 'products') => {
  const nav = new RegExp(`<section class="card" id="${section}">[\\s\\S]*?</section>`).exec(html)![0];
  return new RegExp(`<a rel="${rel}" href="([^"]+)"`).exec(nav)?.[1]?.replace(/&amp;/g, '&');
};

beforeAll(async () => {
  const config = testConfig();
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'server');
  await addStaffFor(prisma, 'Lan Anh', { email: STAFF.email, role: 'editor', password: STAFF.password });
  const login = await (await request('/console/login')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(login)![1]!;
  const signedIn = await request('/console/login', { form: { _csrf: csrf, email: STAFF.email, password: STAFF.password } });
  expect(signedIn.status).toBe(303);
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
});

describe('the console handbook page speaks words, not codes', () => {
  it('has words for every recognition title, location precision and OCOP level of the content schema, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const title of recognitionTitles) expect(messages.t(lang, `console-handbook-recognition-${title}`)).not.toContain('_');
      for (const precision of [...precisions, 'none']) expect(messages.t(lang, `console-handbook-precision-${precision}`)).not.toMatch(/^[a-z-]+$/);
      for (const level of ['district', 'city', 'national']) expect(messages.t(lang, `console-handbook-ocop-level-${level}`)).toBeTruthy();
    }
  });

  it('shows craft names and recognition titles in Vietnamese, and none of the codes', async () => {
    const { text } = await page('/console/handbook?lang=vi');
    expect(text).toContain('Làng nghề truyền thống');
    expect(text).toContain('Thành phố thủ công sáng tạo thế giới (WCC) 2024');
    expect(text).toContain('Đúng vị trí làng');
    expect(text).toMatch(/\d+ sản phẩm, \d+ đạt OCOP/);
    expect(text).toMatch(/5 sao · cấp quốc gia/);
    // Bát Tràng, on the first page, makes ceramics.
    expect(text).toMatch(/Bát Tràng .*Gốm sứ/);
    for (const title of recognitionTitles.filter((t) => t.includes('_'))) expect(text, title).not.toContain(title);
    for (const precision of precisions.filter((p) => p.includes('-'))) expect(text, precision).not.toContain(precision);
    for (const craft of handbook.crafts.filter((c) => c.id.includes('-'))) expect(text, craft.id).not.toContain(craft.id);
    expect(text).not.toMatch(/\b(true|false|null|undefined)\b/);
  });

  it('shows them in English with ?lang=en', async () => {
    const { text } = await page('/console/handbook?lang=en');
    jar.delete('lns_lang'); // the tests below read the page in Vietnamese (no Accept-Language: Vietnamese)
    expect(text).toContain('Traditional craft village');
    expect(text).toContain('World Craft City (WCC) 2024');
    expect(text).toMatch(/Bát Tràng.*Ceramics/);
    expect(text).toMatch(/5 stars · national level/);
    expect(text).toMatch(/\d+ days? · (the city's route|a tour operator's example|suggested by LangNghe)/);
    for (const title of recognitionTitles.filter((t) => t.includes('_'))) expect(text, title).not.toContain(title);
  });
});

describe('the console handbook page is cut into pages', () => {
  it(`holds at most ${HANDBOOK_PAGE_SIZE} villages and products a page, and next/previous links walk through all of them`, async () => {
    const first = await page('/console/handbook');
    expect(villageIds(first.html)).toHaveLength(HANDBOOK_PAGE_SIZE);
    expect(productIds(first.html)).toHaveLength(HANDBOOK_PAGE_SIZE);
    expect(link(first.html, 'prev', 'villages')).toBeUndefined();

    const seen: string[] = [];
    let path: string | undefined = '/console/handbook';
    let html = first.html;
    for (let pages = 0; path; pages++) {
      expect(pages).toBeLessThan(20);
      html = (await page(path)).html;
      const ids = villageIds(html);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThanOrEqual(HANDBOOK_PAGE_SIZE);
      seen.push(...ids);
      path = link(html, 'next', 'villages');
      if (path) expect(path).toMatch(/^\/console\/handbook\?vpage=\d+#villages$/);
    }
    expect(seen.sort()).toEqual(handbook.villages.map((v) => v.id).sort());
    expect(link(html, 'prev', 'villages')).toBeDefined();
    expect((await page('/console/handbook')).text).toContain(`Trang 1/${Math.ceil(handbook.villages.length / HANDBOOK_PAGE_SIZE)}`);
  });

  it('filters every row before paging: a village of the last page is found from the first, without accents', async () => {
    const last = handbook.villages
      .map((v) => v.id)
      .sort()
      .at(-1)!;
    const village = handbook.villages.find((v) => v.id === last)!;
    const unaccented = village.name.vi.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    expect(villageIds((await page('/console/handbook')).html)).not.toContain(last);
    const { html, text } = await page(`/console/handbook?vq=${encodeURIComponent(unaccented)}`);
    expect(villageIds(html)).toContain(last);
    expect(text).toContain(village.name.vi);

    const none = await page('/console/handbook?vq=khong-co-lang-nay');
    expect(villageIds(none.html)).toEqual([]);
    expect(none.text).toContain('Không có hàng nào khớp với “khong-co-lang-nay”');
  });

  it("keeps the filter in the next link, and each table keeps the other one's filter and page", async () => {
    const silk = handbook.products.filter((p) => p.craft === 'silk');
    expect(silk.length).toBeGreaterThan(HANDBOOK_PAGE_SIZE);
    const first = await page('/console/handbook?pq=lua+to+tam&vq=ha+noi&vpage=1');
    expect(first.text).toContain(`${silk.length} trên ${handbook.products.length} hàng khớp với “lua to tam”`);
    const next = link(first.html, 'next', 'products')!;
    expect(next).toContain('pq=lua+to+tam');
    expect(next).toContain('vq=ha+noi');
    expect(next).toContain('ppage=2');
    const second = await page(next);
    const both = [...productIds(first.html), ...productIds(second.html)];
    expect(both.sort()).toEqual(silk.map((p) => p.id).sort());
    // The village filter's form carries the product table's state along.
    expect(second.html).toMatch(/<input type="hidden" name="pq" value="lua to tam">/);
    expect(second.html).toMatch(/<input type="hidden" name="ppage" value="2">/);
  });

  it('answers a page past the end with the last page, and a malformed page with the first', async () => {
    const pages = Math.ceil(handbook.villages.length / HANDBOOK_PAGE_SIZE);
    const past = await page('/console/handbook?vpage=999');
    expect(past.text).toContain(`Trang ${pages}/${pages}`);
    expect(link(past.html, 'next', 'villages')).toBeUndefined();
    const odd = await page('/console/handbook?vpage=abc&ppage=-2');
    expect(villageIds(odd.html)).toEqual(villageIds((await page('/console/handbook')).html));
  });
});

describe('the public /vlogs page', () => {
  it('keeps a poster at its aspect at any width: its height follows its width', async () => {
    const html = await (await fetch(`${app.url}/vlogs`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await (await fetch(`${app.url}${stylesheet}`)).text();
    const rule = /\.card img\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/width:\s*100%/);
    expect(rule).toMatch(/height:\s*auto/);
    expect(rule).toMatch(/aspect-ratio:\s*16\s*\/\s*9/);
  });
});
