// POST /api/chat and GET /chat.js on the real server: the dialogue as JSON with the conversation's state in Redis
// under a token the browser keeps, bad bodies refused by name, CORS for CHAT_ALLOWED_ORIGINS only, the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';

const PORTAL = 'https://cong-thong-tin.hanoi.example';
const STRANGER = 'https://elsewhere.example';
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

type Button = { label: string; action?: string; url?: string; request?: string };
type Card = { title: string; text?: string; action?: string; url?: string; image?: { url: string; alt: string } };
type WebReply = { text: string; buttons?: Button[][]; cards?: Card[]; edit?: boolean };
type Answer = { conversation: string; replies: WebReply[] };

let app: RunningApp;
let limited: RunningApp;

async function chat(body: unknown, options: { base?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${options.base ?? app.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer & { error?: string; message?: string } };
}

const buttonsOf = (reply: WebReply) => (reply.buttons ?? []).flat();
const actionsOf = (reply: WebReply) => [...(reply.cards ?? []), ...buttonsOf(reply)].map((b) => b.action).filter(Boolean);

beforeAll(async () => {
  app = await startApp(testConfig({ CHAT_ALLOWED_ORIGINS: `${PORTAL}, https://other.example` }), 'server');
  limited = await startApp(testConfig({ RATE_LIMIT_PER_MINUTE: '3', CHAT_ALLOWED_ORIGINS: PORTAL }), 'server');
});
afterAll(async () => {
  await app?.close();
  await limited?.close();
});

describe('POST /api/chat', () => {
  it('answers a question about a village with its card and buttons, and follows up in the same conversation', async () => {
    const first = await chat({ text: 'Làng gốm Bát Tràng ở đâu?', lang: 'vi' });
    expect(first.status).toBe(200);
    expect(first.body.conversation).toMatch(TOKEN);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const answer = first.body.replies.at(-1)!;
    expect(answer.text).toContain('Bát Tràng');
    expect(answer.cards).toContainEqual({ title: expect.stringContaining('Bát Tràng'), action: 'v:bat-trang' });
    expect(buttonsOf(answer)).toContainEqual({ label: expect.any(String), action: 'menu' });

    // The card's action opens the village's card, with what to do next.
    const card = await chat({ conversation: first.body.conversation, action: 'v:bat-trang' });
    expect(card.body.conversation).toBe(first.body.conversation);
    expect(card.body.replies[0]!.text).toMatch(/^🏘 Bát Tràng/);
    expect(actionsOf(card.body.replies[0]!)).toEqual(expect.arrayContaining(['vd:bat-trang', 'vp:bat-trang:0', 'vn:bat-trang', 'vr:bat-trang']));

    // "How do I get there?" and "products there?" name no village: the conversation's last one is meant.
    const there = await chat({ conversation: first.body.conversation, text: 'How do I get there?' });
    expect(there.body.conversation).toBe(first.body.conversation);
    expect(there.body.replies.at(-1)!.text).toContain('Bát Tràng');
    expect(there.body.replies.at(-1)!.cards?.[0]).toMatchObject({ action: 'v:bat-trang' });
    const products = await chat({ conversation: first.body.conversation, text: 'sản phẩm ở đó?' });
    expect(products.body.replies.at(-1)!.text).toContain('Bát Tràng');
    expect(actionsOf(products.body.replies.at(-1)!)).toContain('vp:bat-trang:0');

    // Another conversation remembers nothing of it.
    const stranger = await chat({ text: 'How do I get there?' });
    expect(stranger.body.conversation).not.toBe(first.body.conversation);
    expect(stranger.body.replies.at(-1)!.text).not.toContain('Bát Tràng');
  });

  it('pages a list in place when its button is pressed', async () => {
    const first = await chat({ action: 'vl:all:0', lang: 'en' });
    const page1 = first.body.replies[0]!;
    expect(page1.cards).toHaveLength(8);
    const next = buttonsOf(page1).find((b) => b.label === '▶');
    expect(next?.action).toBe('vl:all:1');
    expect(buttonsOf(page1)[0]!.label).toMatch(/^1\/\d+$/);

    const second = await chat({ conversation: first.body.conversation, action: next!.action });
    const page2 = second.body.replies[0]!;
    expect(page2.edit).toBe(true);
    expect(page2.cards).toHaveLength(8);
    expect(page2.cards!.map((c) => c.title)).not.toEqual(page1.cards!.map((c) => c.title));
    expect(buttonsOf(page2)[1]!.label).toMatch(/^2\/\d+$/);
  });

  it('answers a location with the nearest villages, nearest first', async () => {
    const { status, body } = await chat({ location: { lat: 20.9787, lon: 105.7718 }, lang: 'en' });
    expect(status).toBe(200);
    const reply = body.replies[0]!;
    expect(reply.cards!.length).toBeGreaterThanOrEqual(3);
    expect(reply.cards![0]).toMatchObject({ title: expect.stringMatching(/^Vạn Phúc.* · 0\.\d km$/), action: 'v:van-phuc' });
    expect(reply.text.split('\n')[1]).toContain('Vạn Phúc');
  });

  it('offers "near me" as a button that asks the browser, and a village on a map as a card with its map link', async () => {
    const near = await chat({ action: 'nearby', lang: 'en' });
    expect(near.body.replies[0]!.buttons?.[0]).toEqual([{ label: '📍 Share my location', request: 'location' }]);

    const directions = await chat({ action: 'vd:van-phuc', lang: 'en' });
    const [map, words] = directions.body.replies;
    expect(map!.cards![0]).toMatchObject({
      title: expect.stringMatching(/^Vạn Phúc/),
      url: expect.stringMatching(/^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=20\.9/),
    });
    expect(buttonsOf(words!)).toContainEqual({ label: expect.any(String), url: expect.stringMatching(/^https:\/\/www\.google\.com\/maps\//) });
  });

  it('shows no recognition status on the web: no button offers it, and asking for it shows no record', async () => {
    const menu = await chat({ action: 'menu', lang: 'en' });
    expect(actionsOf(menu.body.replies[0]!)).toEqual(expect.arrayContaining(['cl:0', 'rl:0', 'pl:0', 'nearby', 'help']));
    expect(actionsOf(menu.body.replies[0]!)).not.toContain('status');
    for (const ask of [{ action: 'status' }, { text: '/link ABCD-EFGH' }, { text: '/status' }]) {
      const { status, body } = await chat({ ...ask, conversation: menu.body.conversation, lang: 'en' });
      expect(status).toBe(200);
      expect(body.replies).toEqual([{ text: expect.stringContaining('keeps no personal records'), buttons: [[{ label: '☰ Menu', action: 'menu' }]] }]);
    }
    // A code typed afterwards is just words, never a link attempt.
    const code = await chat({ text: 'ABCD-EFGH', conversation: menu.body.conversation, lang: 'en' });
    expect(code.body.replies.at(-1)!.text).not.toMatch(/code|record/i);
  });

  it('answers in the page language until the chat chooses one', async () => {
    const vi = await chat({ action: 'menu', lang: 'vi' });
    expect(vi.body.replies[0]!.text).toBe('Bạn muốn xem gì?');
    const byHeader = await chat({ action: 'menu' }, { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(byHeader.body.replies[0]!.text).toBe('What would you like to see?');
    const chosen = await chat({ action: 'lang:en', conversation: vi.body.conversation, lang: 'vi' });
    expect(chosen.body.replies[0]!.text).toContain('English');
    const after = await chat({ action: 'menu', conversation: vi.body.conversation, lang: 'vi' });
    expect(after.body.replies[0]!.text).toBe('What would you like to see?');
  });

  it('refuses a body that is not one message, naming the reason', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ text: 'Bát Tràng', action: 'menu' }, /exactly one of text, action or location/],
      [{}, /exactly one of text, action or location/],
      [{ conversation: 'abc' }, /exactly one of text, action or location/],
      [{ text: 'x'.repeat(2001) }, /^text: .*2000/],
      [{ text: '   ' }, /^text: say something/],
      [{ location: { lat: 95, lon: 105 } }, /^location\.lat: /],
      [{ action: 'x'.repeat(65) }, /^action: /],
      [{ text: 'hi', lang: 'fr' }, /^lang: /],
      ['Bát Tràng', /^body: /],
    ];
    for (const [body, reason] of cases) {
      const response = await chat(body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.body.error).toBe('bad_request');
      expect(response.body.message).toMatch(reason);
    }
  });

  it('gives an unknown or forged conversation a new token instead of an error', async () => {
    for (const forged of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'not a token at all', '../../etc/passwd']) {
      const { status, body } = await chat({ conversation: forged, text: 'How do I get there?' });
      expect(status).toBe(200);
      expect(body.conversation).toMatch(TOKEN);
      expect(body.conversation).not.toBe(forged);
      expect(body.replies.at(-1)!.text).not.toContain('Bát Tràng');
    }
  });

  it('takes a stale or forged button as the menu again, never an error', async () => {
    const { status, body } = await chat({ action: 'v:no-such-village' });
    expect(status).toBe(200);
    expect(actionsOf(body.replies[0]!)).toContain('cl:0');
  });
});

describe('CORS for the chat API', () => {
  const preflight = (origin: string) =>
    fetch(`${app.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('lets a listed origin call it: the preflight and the answer carry Access-Control-Allow-Origin', async () => {
    const response = await preflight(PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await chat({ action: 'menu' }, { headers: { origin: PORTAL } });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(post.headers.get('vary')).toMatch(/origin/i);
    // A refused body is readable by the page too.
    const bad = await chat({}, { headers: { origin: PORTAL } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });

  it('gives another origin nothing to read', async () => {
    const response = await preflight(STRANGER);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    const post = await chat({ action: 'menu' }, { headers: { origin: STRANGER } });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers no origin by default (our own pages are the same origin)', async () => {
    const response = await fetch(`${limited.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /chat.js', () => {
  it('is JavaScript that other sites may load, with its words in both languages', async () => {
    const response = await fetch(`${app.url}/chat.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const source = await response.text();
    expect(source).toContain('"open":"Hỏi LangNghe"');
    expect(source).toContain('"open":"Ask LangNghe"');
    expect(source).not.toContain('/* strings */');
    expect(source).not.toMatch(/innerHTML|eval\(|new Function/);
    expect(Buffer.byteLength(source)).toBeLessThan(20 * 1024);
  });
});

describe('the rate limit', () => {
  // The server trusts its proxy's X-Forwarded-For: each test address has a count of its own.
  const from = (address: string) => chat({ action: 'menu' }, { base: limited.url, headers: { origin: PORTAL, 'x-forwarded-for': address } });

  it('refuses past RATE_LIMIT_PER_MINUTE from one address, readable by a listed origin', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof chat>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await from('203.0.113.7');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.body.error).toBe('rate_limited');
    expect(last!.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect((await from('203.0.113.8')).status).toBe(200);
  });
});
