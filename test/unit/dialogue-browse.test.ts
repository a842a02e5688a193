// Browsing by buttons, as a user sees it: the greeting and menu, crafts and their villages a page at a
// time, a village's card and directions, routes, products, and the villages nearest a location.
import { describe, expect, it } from 'vitest';
import { buildDialogue, handbook, knowledge, labelsOf, messages, openChat, rowLabels } from './dialogue-kit.js';

const en = (id: string, args?: Record<string, string | number>) => messages.t('en', id, args);
const vi = (id: string, args?: Record<string, string | number>) => messages.t('vi', id, args);
const menuLabels = (say: typeof en) => [
  [say('menu-villages'), say('menu-routes')],
  [say('menu-products'), say('menu-nearby')],
  [say('menu-status'), say('menu-help')],
];
const carpentry = knowledge.crafts.get('carpentry')!;
const carpentryVillages = knowledge.villagesByCraft.get('carpentry')!;

describe('the way in', () => {
  it("greets by name in the client's language, with the languages and the main menu", async () => {
    const [greeting, ...rest] = await openChat(buildDialogue(), { languageCode: 'vi-VN', firstName: 'Hà' }).command('start');
    expect(rest).toEqual([]);
    expect(greeting!.text).toBe(vi('chat-greeting', { name: 'Hà', villages: handbook.villages.length, routes: handbook.routes.length }));
    expect(rowLabels(greeting)).toEqual([[vi('lang-vi'), en('lang-en')], ...menuLabels(vi)]);
  });

  it('greets an unnamed English client in English', async () => {
    const [greeting] = await openChat(buildDialogue(), { languageCode: 'en' }).command('start');
    expect(greeting!.text).toBe(en('chat-greeting-anonymous', { villages: handbook.villages.length, routes: handbook.routes.length }));
    expect(rowLabels(greeting).slice(1)).toEqual(menuLabels(en));
  });

  it('answers a button it no longer knows with the menu and a notice', async () => {
    const chat = openChat();
    for (const data of ['v:no-such-village', 'vl:no-such-craft:0', 'not an action']) {
      const [reply] = await chat.send({ type: 'action', data });
      expect(reply).toMatchObject({ text: en('chat-menu'), notice: en('chat-stale') });
      expect(rowLabels(reply)).toEqual(menuLabels(en));
    }
  });
});

describe('villages by craft', () => {
  it("lists a craft's villages a page at a time, paging in place", async () => {
    const chat = openChat();
    const [menu] = await chat.command('menu');
    const [crafts] = await chat.press(menu, en('menu-villages'));
    expect(crafts).toMatchObject({ text: en('chat-crafts-heading'), edit: true });
    // The craft with most villages comes first.
    expect(crafts!.items![0]!.label).toBe(`${carpentry.name.en} (${carpentryVillages.length})`);

    const [first] = await chat.press(crafts, crafts!.items![0]!.label);
    expect(first).toMatchObject({ text: en('chat-villages-heading', { craft: carpentry.name.en }), edit: true });
    expect(first!.items).toHaveLength(8);
    expect(rowLabels(first)[0]).toEqual([en('chat-page', { page: 1, pages: 2 }), '▶']);

    const [second] = await chat.press(first, '▶');
    expect(second!.items).toHaveLength(carpentryVillages.length - 8);
    expect(rowLabels(second)[0]).toEqual(['◀', en('chat-page', { page: 2, pages: 2 })]);
    expect([...first!.items!, ...second!.items!].map((b) => b.label.split(' · ')[0])).toEqual(carpentryVillages.map((v) => v.name.en));
    expect(rowLabels(second).at(-1)).toEqual([en('menu-back'), en('menu-main')]);
  });

  it('shows fewer entries a page where the channel asks for it (Zalo)', async () => {
    const chat = openChat(buildDialogue({ pageSize: 5 }));
    const [first] = await chat.send({ type: 'action', data: 'vl:carpentry:0' });
    expect(first!.items).toHaveLength(5);
    expect(rowLabels(first)[0]).toEqual([en('chat-page', { page: 1, pages: 3 }), '▶']);
    const [last] = await chat.press(first, '▶').then(([page]) => chat.press(page, '▶'));
    expect(last!.items).toHaveLength(carpentryVillages.length - 10);
  });

  it('opens a list from a command as a new message', async () => {
    const [crafts] = await openChat().command('villages');
    expect(crafts).toMatchObject({ text: en('chat-crafts-heading'), edit: false });
  });
});

describe("a village's card", () => {
  it('shows the village, and directions answer with the address and a map', async () => {
    const village = handbook.villages.find((v) => v.id === 'bang-so')!;
    const chat = openChat();
    const [card] = await chat.send({ type: 'action', data: 'v:bang-so' });
    expect(card!.text.split('\n')[0]).toBe(`🏘 ${village.name.en}`);
    expect(card!.text).toContain(village.summary.en);
    expect(chat.state.lastVillageId).toBe('bang-so');
    expect(rowLabels(card)).toEqual([
      [en('card-directions'), en('card-products')],
      [en('card-nearby'), en('card-routes')],
      [en('menu-back'), en('menu-main')],
    ]);

    const [venue, directions] = await chat.press(card, en('card-directions'));
    expect(venue!.venue).toMatchObject({ lat: village.location!.lat, lon: village.location!.lon, title: village.name.en });
    expect(venue!.venue!.address).toContain(village.address.commune);
    expect(directions!.text.split('\n')[0]).toBe(en('card-address', { address: venue!.venue!.address }));
    expect(directions!.buttons![0]![0]).toMatchObject({ label: en('card-map'), url: expect.stringContaining('google.com/maps/search/') });
  });

  it('tells how to get there where the handbook says so', async () => {
    const batTrang = knowledge.villages.get('bat-trang')!;
    const [, directions] = await openChat(buildDialogue(), { languageCode: 'vi' }).send({ type: 'action', data: 'vd:bat-trang' });
    expect(directions!.text).toContain(batTrang.visit.gettingThere!.vi);
  });

  it('says so when a village has no place on the map', async () => {
    const village = knowledge.villages.get('hang-than')!;
    const [reply] = await openChat().send({ type: 'action', data: 'vd:hang-than' });
    expect(reply!.venue).toBeUndefined();
    expect(reply!.text).toContain(village.name.en);
    expect(labelsOf(reply)).toEqual([en('menu-back')]);
  });

  it('cuts a long card to the channel\'s length, the rest behind "more"', async () => {
    const chat = openChat(buildDialogue({ textLimit: 300 }));
    const [first] = await chat.send({ type: 'action', data: 'v:bat-trang' });
    expect(first!.text.length).toBeLessThanOrEqual(300);
    const [second] = await chat.press(first, en('menu-more'));
    expect(second).toMatchObject({ edit: true });
    expect(second!.text).not.toBe(first!.text);
  });

  it("lists the village's products, most OCOP stars first", async () => {
    const chat = openChat();
    const [products] = await chat.send({ type: 'action', data: 'vp:bat-trang:0' });
    const lines = products!.text.split('\n');
    expect(lines[0]).toBe(`${en('village-heading-products', { village: knowledge.villages.get('bat-trang')!.name.en })}:`);
    expect(lines).toHaveLength(9);
    expect(lines[1]).toContain(en('village-ocop-stars', { stars: 5 }));
    expect(rowLabels(products).at(-1)).toEqual([en('menu-back')]);
  });
});

describe('near me', () => {
  it('lists the five villages nearest a shared location, nearest first', async () => {
    const batTrang = knowledge.villages.get('bat-trang')!;
    const [reply] = await openChat().send({ type: 'location', ...batTrang.location! });
    expect(reply!.text.split('\n')[0]).toBe(en('nearby-heading'));
    expect(reply!.items).toHaveLength(5);
    expect(reply!.items![0]!.label).toBe(`${batTrang.name.en} · 0.0 km`);
    const distances = reply!.items!.map((b) => Number(/· ([\d.]+) km$/.exec(b.label)![1]));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('asks for the location first, with a button to share it', async () => {
    const chat = openChat();
    const [menu] = await chat.command('menu');
    const [reply] = await chat.press(menu, en('menu-nearby'));
    expect(reply).toEqual({ text: en('chat-nearby-ask'), requestLocation: true });
  });

  it('lists the villages near a village, without the village itself', async () => {
    const [reply] = await openChat().send({ type: 'action', data: 'vn:bat-trang' });
    expect(reply!.items).toHaveLength(5);
    expect(reply!.items!.map((b) => ('action' in b ? b.action : b.url))).not.toContain('v:bat-trang');
  });
});

describe('routes and products', () => {
  it("opens a route's card from the list, with its map and its villages", async () => {
    const chat = openChat();
    const [list] = await chat.command('routes');
    expect(list!.text).toBe(en('chat-routes-heading'));
    expect(list!.items).toHaveLength(8);
    const [card] = await chat.press(list, list!.items![0]!.label);
    expect(card!.text.startsWith('🗺 ')).toBe(true);
    expect(card!.buttons![0]![0]).toMatchObject({ label: en('card-map'), url: expect.stringMatching(/^https:\/\//) });
    expect(card!.items!.length).toBeGreaterThan(0);
  });

  it('lists the products with confirmed OCOP stars, and their villages', async () => {
    const [list] = await openChat().command('products');
    const lines = list!.text.split('\n');
    expect(lines[0]).toBe(en('chat-products-heading'));
    expect(lines).toHaveLength(9);
    expect(list!.items!.length).toBeGreaterThan(0);
    expect(list!.edit).toBe(false);
  });
});

describe('inline cards', () => {
  it("offers the village's card for a query, keeping only link buttons", async () => {
    const cards = await buildDialogue().inline('bat trang', 'en');
    const card = cards.find((c) => c.id === 'v:bat-trang')!;
    expect(card.title).toBe(knowledge.villages.get('bat-trang')!.name.en);
    expect(card.text.split('\n')[0]).toBe(`🏘 ${card.title}`);
    expect(card.buttons).toEqual([]);
  });

  it('offers routes for an empty query, each with its map', async () => {
    const cards = await buildDialogue().inline('', 'vi');
    expect(cards).toHaveLength(5);
    for (const card of cards) expect(card.buttons).toEqual([[{ label: vi('card-map'), url: expect.any(String) }]]);
  });
});
