// What visitors ask, for staff: every figure of GET /api/insights checked against question rows written here
// (over several Hanoi days, channels, languages and visitors), unanswered questions grouped by wording (five
// misspellings of one question are one group of five, unrelated ones apart), the period filter, 401 without
// a token, 400 naming a bad date, and the console's page with its chart, teach form and undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { loadHandbook } from '../../src/content/load.js';
import { fold } from '../../src/ask/normalize.js';
import { hanoiDay, hanoiMidnight, parseHanoiTime } from '../../src/domain/publishing/hanoi-time.js';
import { addStaffFor } from '../helpers/staff.js';
import { testConfig } from '../helpers/test-env.js';
import { CookieJar } from '../helpers/cookie-jar.js';

const handbook = loadHandbook('content');
const [V1, V2, V3] = handbook.villages.map((v) => v.id) as [string, string, string];
const C1 = handbook.crafts[0]!.id;
const P1 = handbook.products[0]!.id;
const R1 = handbook.routes[0]!.id;
const STAFF = { email: 'thong.ke@langnghe.test', password: 'cau-hoi-cua-khach-2030' };

let app: RunningApp;
let prisma: PrismaClient;
let token: string;

const today = hanoiDay(new Date());
/** A Hanoi day `n` days before today. */
const dayAgo = (n: number) => hanoiDay(hanoiMidnight(today, -n)!);
const at = (daysAgo: number, time: string) => parseHanoiTime(`${dayAgo(daysAgo)} ${time}`)!;

interface Row {
  askedAt: Date;
  channel: string;
  lang: string;
  text: string | null;
  intent: string;
  entries?: string[];
  unknown?: boolean;
  visitor: string | null;
}

const FIVE_MISSPELT = [
  'Làng gốm Bát Tràng mở cửa mấy giờ?',
  'lang gom bat trang mo cua may gio',
  'lang gom bat trnag mo cua may gio',
  'Mấy giờ làng gốm Bát Tràng mở cửa',
  'lang gomm bat trang mo cua mayy gio',
];
const UNRELATED = ['giá vé máy bay đi Đà Nẵng', 'how much is a taxi to the airport'];

const ROWS: Row[] = [
  { askedAt: at(3, '09:00'), channel: 'telegram', lang: 'vi', text: 'Bát Tràng ở đâu', intent: 'village', entries: [`village:${V1}`], visitor: 'a' },
  // 23:30 and 00:30 in Hanoi fall on one UTC day: only Hanoi days put them apart.
  {
    askedAt: at(3, '23:30'),
    channel: 'telegram',
    lang: 'vi',
    text: 'tuyến đi Bát Tràng',
    intent: 'village',
    entries: [`village:${V1}`, `route:${R1}`],
    visitor: 'a',
  },
  {
    askedAt: at(2, '00:30'),
    channel: 'zalo',
    lang: 'vi',
    text: 'làng gốm',
    intent: 'villages',
    entries: [`village:${V1}`, `village:${V2}`, `craft:${C1}`],
    visitor: 'b',
  },
  { askedAt: at(2, '10:00'), channel: 'web', lang: 'en', text: 'buy ceramics', intent: 'product', entries: [`product:${P1}`, `village:${V2}`], visitor: 'c' },
  { askedAt: at(2, '11:00'), channel: 'api', lang: 'en', text: 'route please', intent: 'route', entries: [`route:${R1}`], visitor: null },
  { askedAt: at(1, '08:00'), channel: 'web', lang: 'en', text: 'help', intent: 'help', visitor: 'c' },
  ...FIVE_MISSPELT.map((text, i) => ({
    askedAt: at(3 - (i % 3), `1${i}:15`),
    channel: ['telegram', 'zalo', 'web', 'api', 'telegram'][i]!,
    lang: i === 2 ? 'en' : 'vi',
    text,
    intent: 'unknown',
    unknown: true,
    visitor: ['d', 'e', 'f', null, 'a'][i]!,
  })),
  ...UNRELATED.map((text, i) => ({ askedAt: at(1, `2${i}:00`), channel: 'web', lang: i ? 'en' : 'vi', text, intent: 'unknown', unknown: true, visitor: 'g' })),
  // An artisan's status question keeps only its intent.
  { askedAt: at(1, '12:00'), channel: 'zalo', lang: 'vi', text: null, intent: 'status', visitor: 'h' },
  // Before the default period (the last 30 days): counted nowhere below.
  { askedAt: at(45, '09:00'), channel: 'telegram', lang: 'vi', text: 'Vạn Phúc', intent: 'village', entries: [`village:${V3}`], visitor: 'z' },
  { askedAt: at(45, '10:00'), channel: 'telegram', lang: 'vi', text: FIVE_MISSPELT[0]!, intent: 'unknown', unknown: true, visitor: 'z' },
];

const inPeriod = (from: Date, to: Date) => ROWS.filter((r) => r.askedAt >= from && r.askedAt < to);
const DEFAULT_FROM = hanoiMidnight(today, -29)!;
const DEFAULT_TO = hanoiMidnight(today, 1)!;

/** What /api/insights should say of these rows, worked out here from the rows themselves. */
function expected(rows: Row[]) {
  const count = <K extends string>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const days = count(rows.map((r) => `${hanoiDay(r.askedAt)}|${r.channel}|${r.lang}`));
  const entries = count(rows.flatMap((r) => [...new Set(r.entries ?? [])]));
  const top = (type: string) =>
    [...entries]
      .filter(([key]) => key.startsWith(`${type}:`))
      .map(([key, n]) => ({ id: key.slice(type.length + 1), count: n }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const answered = rows.filter((r) => !r.unknown).length;
  return {
    questions: rows.length,
    visitors: new Set(rows.map((r) => r.visitor).filter(Boolean)).size,
    answered,
    answeredShare: rows.length ? answered / rows.length : null,
    byDay: [...days]
      .map(([key, n]) => {
        const [day, channel, lang] = key.split('|') as [string, string, string];
        return { day, channel, lang, count: n };
      })
      .sort((a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel) || a.lang.localeCompare(b.lang)),
    villages: top('village'),
    crafts: top('craft'),
    products: top('product'),
    routes: top('route'),
    intents: [...count(rows.map((r) => r.intent))]
      .map(([intent, n]) => ({ intent, count: n }))
      .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent)),
  };
}

const api = async (path: string, auth: string | null = token) => {
  const response = await fetch(`${app.url}${path}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  const config = testConfig();
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'server');
  await prisma.question.deleteMany({});
  await prisma.learnedPhrasing.deleteMany({});
  await prisma.question.createMany({
    data: ROWS.map((r) => ({
      askedAt: r.askedAt,
      channel: r.channel,
      lang: r.lang,
      text: r.text,
      folded: r.text === null ? null : fold(r.text),
      intent: r.intent,
      entries: r.entries ?? [],
      unknown: r.unknown ?? false,
      latencyMs: 3,
      visitor: r.visitor,
    })),
  });
  ({ token } = await addStaffFor(prisma, 'Thu Hà', { email: STAFF.email, role: 'editor', password: STAFF.password }));
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
});

describe('GET /api/insights', () => {
  it('says how many questions, visitors and answers the last 30 days had, per day, channel and language, as the rows do', async () => {
    const { status, body } = await api('/api/insights');
    expect(status).toBe(200);
    for (const key of ['questions', 'visitors', 'answeredShare', 'byDay', 'topVillages', 'topIntents']) expect(body).toHaveProperty(key);
    const want = expected(inPeriod(DEFAULT_FROM, DEFAULT_TO));
    expect(body.from).toBe(DEFAULT_FROM.toISOString());
    expect(body.to).toBe(DEFAULT_TO.toISOString());
    expect(body.questions).toBe(14);
    expect(body.questions).toBe(want.questions);
    // a–h, not z (before the period) nor the questions without a visitor.
    expect(body.visitors).toBe(8);
    expect(body.visitors).toBe(want.visitors);
    expect(body.answeredShare).toBeCloseTo(want.answeredShare!, 10);
    expect(body.answeredShare).toBe(0.5);
    expect(body.byDay).toEqual(want.byDay);
    // The 23:30 and 00:30 questions are on two Hanoi days.
    expect(body.byDay.find((d: { day: string; channel: string }) => d.day === dayAgo(3) && d.channel === 'telegram').count).toBe(3);
    expect(body.byDay.find((d: { day: string; channel: string }) => d.day === dayAgo(2) && d.channel === 'zalo').count).toBe(2);
  });

  it('names the most asked villages, crafts, products and routes from the handbook, and counts intents', async () => {
    const { body } = await api('/api/insights');
    const want = expected(inPeriod(DEFAULT_FROM, DEFAULT_TO));
    const named = (type: 'villages' | 'crafts' | 'products' | 'routes', entries: Array<{ id: string; name: { vi: string; en: string } }>) =>
      want[type].map((e) => ({ ...e, name: { vi: entries.find((x) => x.id === e.id)!.name.vi, en: entries.find((x) => x.id === e.id)!.name.en } }));
    expect(body.topVillages).toEqual(named('villages', handbook.villages));
    expect(body.topVillages.map((v: { id: string; count: number }) => [v.id, v.count])).toEqual([
      [V1, 3],
      [V2, 2],
    ]);
    expect(body.topCrafts).toEqual(named('crafts', handbook.crafts));
    expect(body.topProducts).toEqual(named('products', handbook.products));
    expect(body.topRoutes).toEqual(named('routes', handbook.routes));
    expect(body.topIntents).toEqual(want.intents);
    expect(body.topIntents[0]).toEqual({ intent: 'unknown', count: 7 });
  });

  it('covers only the period asked: whole Hanoi days, or ISO times with `to` left out', async () => {
    const day = dayAgo(2);
    const { body } = await api(`/api/insights?from=${day}&to=${day}`);
    const want = expected(inPeriod(hanoiMidnight(day)!, hanoiMidnight(day, 1)!));
    expect(body.questions).toBe(want.questions);
    expect(body.questions).toBe(5);
    expect(body.byDay).toEqual(want.byDay);
    expect(new Set(body.byDay.map((d: { day: string }) => d.day))).toEqual(new Set([day]));
    expect(body.visitors).toBe(want.visitors);
    expect(body.topVillages.map((v: { id: string; count: number }) => [v.id, v.count]).sort()).toEqual(
      [
        [V1, 1],
        [V2, 2],
      ].sort(),
    );

    const from = at(2, '00:30').toISOString();
    const to = at(2, '10:00').toISOString();
    const exact = await api(`/api/insights?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(exact.status).toBe(200);
    expect(exact.body.questions).toBe(1);
    expect(exact.body.byDay).toEqual([{ day, channel: 'zalo', lang: 'vi', count: 1 }]);

    const old = await api(`/api/insights?from=${dayAgo(50)}&to=${dayAgo(40)}`);
    expect(old.body).toMatchObject({ questions: 2, visitors: 1, answeredShare: 0.5 });
    const empty = await api(`/api/insights?from=${dayAgo(80)}&to=${dayAgo(70)}`);
    expect(empty.body).toMatchObject({ questions: 0, visitors: 0, answeredShare: null, byDay: [], topVillages: [], topIntents: [] });
  });

  it('refuses a bad date with 400 naming the parameter', async () => {
    for (const [query, parameter] of [
      ['from=2026-13-45', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      [`from=${today}&to=${dayAgo(3)}`, 'to'],
    ] as const) {
      const { status, body } = await api(`/api/insights?${query}`);
      expect(status, query).toBe(400);
      expect(body.message, query).toMatch(new RegExp(`^${parameter}: `));
    }
    expect((await api('/api/insights/unanswered?from=soon')).status).toBe(400);
  });

  it('answers 401 without a staff token, and to a wrong one', async () => {
    for (const path of ['/api/insights', '/api/insights/unanswered']) {
      expect((await api(path, null)).status).toBe(401);
      expect((await api(path, 'lns_not-a-token')).status).toBe(401);
    }
  });
});

describe('GET /api/insights/unanswered', () => {
  it('groups five misspelt variants of one question as one group of five, and keeps unrelated questions apart', async () => {
    const { status, body } = await api('/api/insights/unanswered');
    expect(status).toBe(200);
    expect(body.map((g: { count: number }) => g.count)).toEqual([5, 1, 1]);
    const [five, ...others] = body;
    expect(Object.keys(five)).toEqual(expect.arrayContaining(['id', 'count', 'examples', 'firstSeen', 'lastSeen']));
    expect(new Set(five.examples)).toEqual(new Set(FIVE_MISSPELT));
    const times = ROWS.filter((r) => FIVE_MISSPELT.includes(r.text!) && r.askedAt >= DEFAULT_FROM).map((r) => r.askedAt.getTime());
    expect(five.firstSeen).toBe(new Date(Math.min(...times)).toISOString());
    expect(five.lastSeen).toBe(new Date(Math.max(...times)).toISOString());
    expect(others.map((g: { examples: string[] }) => g.examples[0]).sort()).toEqual([...UNRELATED].sort());
    // The same questions give the same ids.
    expect((await api('/api/insights/unanswered')).body.map((g: { id: string }) => g.id)).toEqual(body.map((g: { id: string }) => g.id));
  });

  it('counts only the period: the old misspelling joins the group when the period reaches back to it', async () => {
    const { body } = await api(`/api/insights/unanswered?from=${dayAgo(60)}&to=${today}`);
    expect(body[0].count).toBe(6);
    const { body: recent } = await api(`/api/insights/unanswered?from=${dayAgo(1)}&to=${today}`);
    expect(recent.map((g: { count: number }) => g.count)).toEqual([1, 1, 1]);
  });
});

describe('the console insights page', () => {
  const jar = new CookieJar();
  async function request(path: string, form?: Record<string, string>) {
    const response = await fetch(`${app.url}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded', referer: `${app.url}/console/insights?days=7` } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    return jar.take(response);
  }
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  beforeAll(async () => {
    const login = await (await request('/console/login')).text();
    const signedIn = await request('/console/login', { _csrf: csrfOf(login), email: STAFF.email, password: STAFF.password });
    expect(signedIn.status).toBe(303);
  });

  it('sends a visitor without a session to sign in', async () => {
    const response = await fetch(`${app.url}/console/insights`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/console\/login\?next=/);
  });

  it('shows the figures, a chart of every day with the same counts, the rankings and the groups', async () => {
    const response = await request('/console/insights?lang=en');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/console/insights" aria-current="page"');
    expect(/id="figure-questions">([^<]+)</.exec(html)![1]).toBe('14');
    expect(/id="figure-visitors">([^<]+)</.exec(html)![1]).toBe('8');
    expect(/id="figure-answered">([^<]+)</.exec(html)![1]).toBe('50 %');
    // One bar group a day of the 30, each with its day's total; the segments add up to it.
    const bars = [...html.matchAll(/<g data-day="([^"]+)" data-total="(\d+)">([\s\S]*?)<\/g>/g)];
    expect(bars).toHaveLength(30);
    const want = expected(inPeriod(DEFAULT_FROM, DEFAULT_TO));
    for (const [, day, total, inner] of bars) {
      const dayRows = want.byDay.filter((d) => d.day === day);
      expect(Number(total), day).toBe(dayRows.reduce((sum, d) => sum + d.count, 0));
      const segments = [...inner!.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
      expect(
        segments.reduce((a, b) => a + b, 0),
        day,
      ).toBe(Number(total));
    }
    expect(html).toMatch(/<svg id="day-chart"[^>]*role="img"[^>]*aria-labelledby="chart-svg-title chart-svg-desc"/);
    expect(html).toContain('<table id="day-table">');
    expect(html).toMatch(new RegExp(`<div id="top-villages">[\\s\\S]*?data-id="${V1}" data-count="3"`));
    expect(html).toMatch(/<li class="group" data-group-id="[0-9a-f]{16}" data-count="5">/);
    expect(html).toContain('Asked 5 times');
  });

  it('teaches a group its village in one step, lists the phrasing, and undoes it', async () => {
    const page = await (await request('/console/insights')).text();
    const text = /<li class="group"[^>]*data-count="5">[\s\S]*?name="text" value="([^"]+)"/.exec(page)![1]!;
    const taught = await request('/console/insights/teach', { _csrf: csrfOf(page), text, target: `village:${V1}` });
    expect(taught.status).toBe(303);
    expect(taught.headers.get('location')).toBe('/console/insights?days=7');
    const stored = await prisma.learnedPhrasing.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ targetType: 'village', targetId: V1 });
    expect(fold(stored[0]!.text)).toBe(fold(FIVE_MISSPELT[1]!));

    const after = await (await request('/console/insights')).text();
    const id = stored[0]!.id;
    expect(after).toContain(`<tr data-learned-id="${id}">`);
    const undone = await request(`/console/insights/learned/${id}/undo`, { _csrf: csrfOf(after) });
    expect(undone.status).toBe(303);
    expect(await prisma.learnedPhrasing.count()).toBe(0);
  });

  it('marks a group out of scope, and refuses a target that is not in the handbook, saying why', async () => {
    const page = await (await request('/console/insights')).text();
    await request('/console/insights/teach', { _csrf: csrfOf(page), text: UNRELATED[1]!, target: '', outOfScope: '1' });
    expect(await prisma.learnedPhrasing.findMany({ select: { targetType: true, intent: true } })).toEqual([{ targetType: 'intent', intent: 'out-of-scope' }]);

    const refused = await request('/console/insights/teach', { _csrf: csrfOf(page), text: UNRELATED[0]!, target: 'no such village' });
    expect(refused.status).toBe(303);
    const shown = await (await request('/console/insights?lang=en')).text();
    expect(shown).toContain('Choose what to answer from the list');
    expect(await prisma.learnedPhrasing.count()).toBe(1);
    await prisma.learnedPhrasing.deleteMany({});
  });

  it('keeps showing the page when a date in the form is bad, and says which', async () => {
    const response = await request('/console/insights?from=2026-99-99&lang=en');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/role="alert">from: /);
  });
});
