// The dialogue, free of any chat app: (chat state, what came in) → replies as data and the new state.
// Telegram and Zalo only render the replies, so both get the same menus, cards, lists and answers.
import type { Knowledge, Product } from '../ask/knowledge.js';
import type { RouteEntry, VillageEntry } from '../content/schema.js';
import type { Lang, Messages } from '../i18n/messages.js';
import { askWithContext, type AskDeps } from '../services/ask/answer-question.js';
import { mapLink } from '../services/handbook/map-link.js';
import { decodeAction, encodeAction, type Action } from './actions.js';
import type { ArtisanDesk, ChatIdentity, LinkResult } from '../services/artisans/linking.js';
import { asksForOwnStatus } from '../ask/understand.js';
import { fold } from '../ask/normalize.js';
import { addressText } from '../ask/wording.js';
import { splitText } from './fit-text.js';
import type { Button, ChatState, Incoming, Outcome, Reply } from './types.js';

export interface DialogueDeps {
  ask: AskDeps;
  /** Artisans' records, for the recognition status of a linked chat. */
  artisans?: ArtisanDesk;
  messages: Messages;
  /** The channel's longest message. */
  textLimit: number;
  /** Entries per page of a list (Zalo's list template shows few). */
  pageSize?: number;
  /** New vlogs as messages (Zalo): subscribe and unsubscribe by the chat's own words. */
  vlogs?: { subscribe(chatId: string, lang: Lang): Promise<boolean>; unsubscribe(chatId: string): Promise<boolean> };
}

export interface Client {
  /** The client app's language (Telegram's language_code). */
  languageCode?: string;
  firstName?: string;
  /** Who is writing, for their own records only; absent in groups. */
  identity?: ChatIdentity;
  /** The channel can ask for the user's own phone number (Telegram's request_contact). */
  canShareContact?: boolean;
}

export interface InlineCard {
  id: string;
  title: string;
  description: string;
  text: string;
  buttons: Button[][];
}

const NEARBY = 5;

const FORGET_ME = new Set(['forget me', 'quen toi', 'hay quen toi', 'xoa lien ket', 'huy lien ket']);
const SUBSCRIBE = new Set(['dang ky', 'dang ky vlog', 'dang ky nhan vlog', 'nhan vlog', 'nhan vlog moi', 'subscribe', 'subscribe vlog', 'subscribe vlogs', 'subscribe to vlogs', 'new vlogs']);
const UNSUBSCRIBE = new Set(['huy dang ky', 'huy dang ky vlog', 'ngung nhan vlog', 'thoi nhan vlog', 'unsubscribe', 'unsubscribe vlog', 'unsubscribe vlogs', 'stop vlogs']);
const LINK_CODE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

export const clientLanguage = (code: string | undefined): Lang => (code?.toLowerCase().startsWith('vi') ? 'vi' : 'en');

export function createDialogue(deps: DialogueDeps) {
  const { messages } = deps;
  const PAGE_SIZE = deps.pageSize ?? 8;
  const knowledge = () => deps.ask.engine.knowledge;
  const button = (label: string, action: Action): Button => ({ label, action: encodeAction(action) });

  async function handle(state: ChatState, incoming: Incoming, client: Client = {}): Promise<Outcome> {
    const lang = state.lang ?? clientLanguage(client.languageCode);
    const t = (id: string, args?: Record<string, string | number>) => messages.t(lang, id, args);
    const k = knowledge();
    const done = (replies: Reply[], next: ChatState = state): Outcome => ({ replies, state: next });

    const menuRows = (language: Lang = lang): Button[][] => {
      const say = (id: string) => messages.t(language, id);
      return [
        [button(say('menu-villages'), { kind: 'crafts', page: 0 }), button(say('menu-routes'), { kind: 'routes', page: 0 })],
        [button(say('menu-products'), { kind: 'ocop', page: 0 }), button(say('menu-nearby'), { kind: 'nearby' })],
        [button(say('menu-status'), { kind: 'status' }), button(say('menu-help'), { kind: 'help' })],
      ];
    };
    const languageRow = () => [button(messages.t('vi', 'lang-vi'), { kind: 'lang', lang: 'vi' }), button(messages.t('en', 'lang-en'), { kind: 'lang', lang: 'en' })];
    // A command opens a list as a new message; only its buttons page through it in place.
    const asNewMessage = (outcome: Outcome): Outcome => ({ ...outcome, replies: outcome.replies.map((r) => ({ ...r, edit: false })) });
    const menuButton = () => button(t('menu-main'), { kind: 'menu' });

    /** A list, a page at a time: its entries, and ◀ n/m ▶ to page through it in place. */
    const paged = <T>(list: T[], page: number, toAction: (page: number) => Action, entry?: (item: T) => Button) => {
      const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
      const current = Math.min(page, pages - 1);
      const shown = list.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
      const rows: Button[][] = [];
      if (pages > 1) {
        const nav: Button[] = [];
        if (current > 0) nav.push(button('◀', toAction(current - 1)));
        nav.push(button(t('chat-page', { page: current + 1, pages }), toAction(current)));
        if (current < pages - 1) nav.push(button('▶', toAction(current + 1)));
        rows.push(nav);
      }
      return { shown, items: entry ? shown.map(entry) : [], rows };
    };

    const villagePlace = (v: VillageEntry) => v.address.commune ?? [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ');
    const villageAddress = (v: VillageEntry) => addressText(v.address, t) ?? '';
    const craftNames = (v: VillageEntry) => v.crafts.map((c) => k.crafts.get(c)?.name[lang] ?? c).join(', ');

    function villageCardText(v: VillageEntry): string {
      const recognition = v.recognition
        .filter((r) => r.title !== 'other')
        .map((r) => `• ${t('recognition-title', { title: r.title })}${r.year ? ` (${r.year})` : ''}${r.confirmed ? '' : ` ${t('recognition-unconfirmed')}`}`);
      return [
        `🏘 ${v.name[lang]}`,
        t('card-crafts', { crafts: craftNames(v) }),
        villageAddress(v) && t('card-address', { address: villageAddress(v) }),
        '',
        v.summary[lang],
        v.history?.[lang],
        recognition.length ? `\n${t('card-recognition')}\n${recognition.join('\n')}` : '',
        v.visit.see?.[lang] ? `\n${t('card-see', { see: v.visit.see[lang] })}` : '',
      ]
        .filter((line): line is string => typeof line === 'string')
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    }

    function villageCard(v: VillageEntry, part: number, edit: boolean): Reply {
      const parts = splitText(villageCardText(v), deps.textLimit);
      const index = Math.min(part, parts.length - 1);
      const rows: Button[][] = [];
      if (index < parts.length - 1) rows.push([button(t('menu-more'), { kind: 'village', id: v.id, part: index + 1 })]);
      rows.push(
        [button(t('card-directions'), { kind: 'directions', id: v.id }), button(t('card-products'), { kind: 'products', village: v.id, page: 0 })],
        [button(t('card-nearby'), { kind: 'near', village: v.id }), button(t('card-routes'), { kind: 'through', village: v.id })],
        [button(t('menu-back'), { kind: 'villages', craft: v.crafts[0]!, page: 0 }), menuButton()],
      );
      return { text: parts[index]!, buttons: rows, edit };
    }

    function routeCard(r: RouteEntry): Reply {
      const stops = r.stops.map((s, i) => {
        const entry = s.village ? k.villages.get(s.village) : k.places.get(s.place!);
        return `${i + 1}. ${entry?.name[lang] ?? s.village ?? s.place}${s.note ? ` — ${s.note[lang]}` : ''}`;
      });
      const text = [
        `🗺 ${r.name[lang]} (${t('card-days', { days: r.days })})`,
        r.theme[lang],
        '',
        t('card-stops'),
        ...stops,
        '',
        t('card-day-plan', { plan: r.dayPlan[lang] }),
        t('card-travel', { travel: r.travel[lang] }),
      ].join('\n');
      const items = r.stops
        .filter((s) => s.village && k.villages.has(s.village))
        .map((s) => button(k.villages.get(s.village!)!.name[lang], { kind: 'village', id: s.village!, part: 0 }));
      const rows: Button[][] = [[{ label: t('card-map'), url: routeMapLink(r) }], [button(t('menu-back'), { kind: 'routes', page: 0 }), menuButton()]];
      return { text: splitText(text, deps.textLimit)[0]!, items, buttons: rows };
    }

    function routeMapLink(r: RouteEntry): string {
      return mapLink(
        r.stops.map((s) => {
          const v = s.village ? k.villages.get(s.village) : undefined;
          const p = s.place ? k.places.get(s.place) : undefined;
          const location = v?.location ?? p?.location;
          return {
            name: (v ?? p)?.name.vi ?? '',
            area: v ? [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ') || v.address.commune : p?.address,
            lat: location?.lat,
            lon: location?.lon,
            precision: location?.precision,
          };
        }),
      );
    }

    const productLine = (p: Product, withVillage: boolean) => {
      const village = withVillage ? ` (${k.villages.get(p.village)?.name[lang] ?? p.village})` : '';
      const stars = p.ocop?.stars && p.ocop.confirmed ? `, ${t('village-ocop-stars', { stars: p.ocop.stars })}` : '';
      return `• ${p.name[lang]}${village}${stars}`;
    };
    const byOcop = (a: Product, b: Product) => (b.ocop?.stars ?? 0) - (a.ocop?.stars ?? 0) || a.id.localeCompare(b.id);

    function nearbyList(from: { lat: number; lon: number }, heading: string, exclude?: string): Reply {
      const list = k.nearest(from, NEARBY, exclude);
      if (list.length === 0) return { text: t('nearby-none'), buttons: [[menuButton()]] };
      const lines = list.map(({ village, km }) =>
        t('nearby-item', { village: village.name[lang], km: km.toFixed(1), approximate: village.location?.precision === 'village' ? 'no' : 'yes' }),
      );
      return {
        text: [heading, ...lines].join('\n'),
        items: list.map(({ village, km }) => button(`${village.name[lang]} · ${km.toFixed(1)} km`, { kind: 'village', id: village.id, part: 0 })),
        buttons: [[menuButton()]],
      };
    }

    const stale = (): Outcome => done([{ text: t('chat-menu'), buttons: menuRows(), notice: t('chat-stale') }]);

    function onAction(action: Action): Outcome | Promise<Outcome> {
      switch (action.kind) {
        case 'menu':
          return done([{ text: t('chat-menu'), buttons: menuRows() }]);
        case 'help':
          return done([{ text: messages.t(lang, 'ask-help'), buttons: [[menuButton()]] }]);
        case 'status':
          return status();
        case 'nearby':
          return done([{ text: t('chat-nearby-ask'), requestLocation: true }]);
        case 'lang': {
          const say = (id: string) => messages.t(action.lang, id);
          return done([{ text: `${say('chat-language-set')}\n\n${say('chat-menu')}`, buttons: menuRows(action.lang) }], { ...state, lang: action.lang });
        }
        case 'crafts': {
          const crafts = [...k.crafts.values()]
            .map((c) => ({ craft: c, count: k.villagesByCraft.get(c.id)?.length ?? 0 }))
            .filter((c) => c.count > 0)
            .sort((a, b) => b.count - a.count || a.craft.name[lang].localeCompare(b.craft.name[lang]));
          const { items, rows } = paged(crafts, action.page, (page) => ({ kind: 'crafts', page }), ({ craft, count }) =>
            button(`${craft.name[lang]} (${count})`, { kind: 'villages', craft: craft.id, page: 0 }),
          );
          rows.push([button(t('chat-all-villages'), { kind: 'villages', craft: 'all', page: 0 }), menuButton()]);
          return done([{ text: t('chat-crafts-heading'), items, buttons: rows, edit: true }]);
        }
        case 'villages': {
          const craft = action.craft === 'all' ? undefined : k.crafts.get(action.craft);
          if (action.craft !== 'all' && !craft) return stale();
          const villages = craft ? (k.villagesByCraft.get(craft.id) ?? []) : [...k.villages.values()].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
          const { items, rows } = paged(villages, action.page, (page) => ({ kind: 'villages', craft: action.craft, page }), (v) =>
            button(`${v.name[lang]} · ${villagePlace(v) || '—'}`.slice(0, 60), { kind: 'village', id: v.id, part: 0 }),
          );
          rows.push([button(t('menu-back'), { kind: 'crafts', page: 0 }), menuButton()]);
          const heading = craft ? t('chat-villages-heading', { craft: craft.name[lang] }) : t('chat-villages-all-heading');
          return done([{ text: heading, items, buttons: rows, edit: true }]);
        }
        case 'village': {
          const v = k.villages.get(action.id);
          if (!v) return stale();
          return done([villageCard(v, action.part, action.part > 0)], { ...state, lastVillageId: v.id });
        }
        case 'directions': {
          const v = k.villages.get(action.id);
          if (!v) return stale();
          const address = villageAddress(v);
          if (!v.location) return done([{ text: t('card-no-location', { village: v.name[lang], address }), buttons: [[button(t('menu-back'), { kind: 'village', id: v.id, part: 0 })]] }]);
          const gettingThere = v.visit.gettingThere?.[lang];
          const approximate = v.location.precision === 'village' ? '' : `\n${t('village-approximate')}`;
          const url = mapLink([{ name: v.name.vi, area: [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', '), ...v.location }]).replace('/dir/', '/search/');
          return done([
            { text: '', venue: { lat: v.location.lat, lon: v.location.lon, title: v.name[lang], address: address.slice(0, 200) } },
            {
              text: [gettingThere ? `${t('village-heading-gettingThere', { village: v.name[lang] })}:\n${gettingThere}` : t('card-address', { address }), approximate].join(''),
              buttons: [[{ label: t('card-map'), url }], [button(t('menu-back'), { kind: 'village', id: v.id, part: 0 })]],
            },
          ]);
        }
        case 'products': {
          const v = k.villages.get(action.village);
          if (!v) return stale();
          const products = [...(k.productsByVillage.get(v.id) ?? [])].sort(byOcop);
          if (products.length === 0) return done([{ text: messages.t(lang, 'village-no-products', { village: v.name[lang] }), buttons: [[button(t('menu-back'), { kind: 'village', id: v.id, part: 0 })]] }]);
          const { shown, rows } = paged(products, action.page, (page) => ({ kind: 'products', village: v.id, page }));
          const lines = shown.map((p) => productLine(p, false));
          rows.push([button(t('menu-back'), { kind: 'village', id: v.id, part: 0 })]);
          return done([{ text: [`${messages.t(lang, 'village-heading-products', { village: v.name[lang] })}:`, ...lines].join('\n'), buttons: rows, edit: action.page > 0 }]);
        }
        case 'near': {
          const v = k.villages.get(action.village);
          if (!v) return stale();
          if (!v.location) return done([{ text: t('card-no-location', { village: v.name[lang], address: villageAddress(v) }) }]);
          return done([nearbyList(v.location, messages.t(lang, 'nearby-heading-village', { village: v.name[lang] }), v.id)], { ...state, lastVillageId: v.id });
        }
        case 'through': {
          const v = k.villages.get(action.village);
          if (!v) return stale();
          const routes = k.routes.filter((r) => r.stops.some((s) => s.village === v.id));
          if (routes.length === 0) return done([{ text: t('card-no-routes', { village: v.name[lang] }), buttons: [[button(t('menu-back'), { kind: 'village', id: v.id, part: 0 })]] }]);
          const items = routes.map((r) => button(r.name[lang].slice(0, 60), { kind: 'route', id: r.id }));
          return done([{ text: messages.t(lang, 'routes-through', { village: v.name[lang] }), items, buttons: [[button(t('menu-back'), { kind: 'village', id: v.id, part: 0 })]] }]);
        }
        case 'routes': {
          const order = { city: 0, operator: 1, langnghe: 2 } as const;
          const routes = [...k.routes].sort((a, b) => order[a.origin] - order[b.origin] || a.id.localeCompare(b.id));
          const { items, rows } = paged(routes, action.page, (page) => ({ kind: 'routes', page }), (r) =>
            button(`${r.name[lang]} · ${t('card-days', { days: r.days })}`.slice(0, 60), { kind: 'route', id: r.id }),
          );
          rows.push([menuButton()]);
          return done([{ text: t('chat-routes-heading'), items, buttons: rows, edit: true }]);
        }
        case 'route': {
          const route = k.routes.find((r) => r.id === action.id);
          return route ? done([routeCard(route)]) : stale();
        }
        case 'ocop': {
          const products = [...k.productsByVillage.values()].flat().filter((p) => p.ocop?.stars && p.ocop.confirmed).sort(byOcop);
          const { shown, rows } = paged(products, action.page, (page) => ({ kind: 'ocop', page }));
          const items = [...new Set(shown.map((p) => p.village))]
            .map((id) => k.villages.get(id))
            .filter((v): v is VillageEntry => Boolean(v))
            .map((v) => button(v.name[lang], { kind: 'village', id: v.id, part: 0 }));
          rows.push([menuButton()]);
          return done([{ text: [t('chat-products-heading'), ...shown.map((p) => productLine(p, true))].join('\n'), items, buttons: rows, edit: true }]);
        }
      }
    }

    switch (incoming.type) {
      case 'command':
        switch (incoming.command) {
          case 'start': {
            const greeting = client.firstName
              ? t('chat-greeting', { name: client.firstName, villages: k.villages.size, routes: k.routes.length })
              : t('chat-greeting-anonymous', { villages: k.villages.size, routes: k.routes.length });
            return done([{ text: greeting, buttons: [languageRow(), ...menuRows()] }]);
          }
          case 'language':
            return done([{ text: t('chat-choose-language'), buttons: [languageRow()] }]);
          case 'help':
            return onAction({ kind: 'help' });
          case 'menu':
            return onAction({ kind: 'menu' });
          case 'villages':
            return asNewMessage(await onAction({ kind: 'crafts', page: 0 }));
          case 'routes':
            return asNewMessage(await onAction({ kind: 'routes', page: 0 }));
          case 'products':
            return asNewMessage(await onAction({ kind: 'ocop', page: 0 }));
          case 'nearby':
            return onAction({ kind: 'nearby' });
          case 'status':
            return status();
          case 'link':
            return incoming.argument?.trim() ? linkWithCode(incoming.argument) : status();
          case 'unlink':
            return unlink();
        }
        break;
      case 'contact':
        return linkWithPhone(incoming.phone, incoming.own);
      case 'location':
        return done([nearbyList({ lat: incoming.lat, lon: incoming.lon }, messages.t(lang, 'nearby-heading'))]);
      case 'action': {
        const action = decodeAction(incoming.data);
        return action ? onAction(action) : stale();
      }
      case 'text': {
        const text = incoming.text.trim();
        const command = /^\/(link|unlink)(?:@\S+)?(?:\s+(.*))?$/i.exec(text);
        if (command) return command[1]!.toLowerCase() === 'link' && command[2] ? linkWithCode(command[2]) : command[1]!.toLowerCase() === 'link' ? status() : unlink();
        if (FORGET_ME.has(fold(text))) return unlink();
        if (deps.vlogs && client.identity && (SUBSCRIBE.has(fold(text)) || UNSUBSCRIBE.has(fold(text)))) {
          const subscribing = SUBSCRIBE.has(fold(text));
          const changed = subscribing ? await deps.vlogs.subscribe(client.identity.chatId, lang) : await deps.vlogs.unsubscribe(client.identity.chatId);
          const id = subscribing ? (changed ? 'vlog-subscribed' : 'vlog-already-subscribed') : changed ? 'vlog-unsubscribed' : 'vlog-not-subscribed';
          return done([{ text: t(id), buttons: [[menuButton()]] }]);
        }
        // Just told how to link, the chat types the code.
        if (state.awaitingCode && LINK_CODE.test(text)) return linkWithCode(text);
        if (deps.artisans && asksForOwnStatus(text)) return status();
        return answerText(incoming.text);
      }
    }
    return stale();

    /** The chat's own applications, or how to link it to its record; nothing about anyone else. */
    async function status(): Promise<Outcome> {
      const text = deps.artisans && client.identity ? await deps.artisans.statusText(client.identity, lang) : undefined;
      if (text) return done([{ text, buttons: [[menuButton()]] }], { ...state, awaitingCode: false });
      return done(
        [{ text: t('artisan-how-to-link', { contact: client.canShareContact ? 'yes' : 'no' }), requestContact: client.canShareContact, buttons: client.canShareContact ? undefined : [[menuButton()]] }],
        { ...state, awaitingCode: true },
      );
    }

    async function linked(result: LinkResult): Promise<Outcome> {
      if (!result.ok) {
        const id = result.reason === 'locked' ? 'artisan-link-locked' : result.reason === 'not_own' ? 'artisan-contact-not-own' : 'artisan-link-refused';
        return done([{ text: t(id) }]);
      }
      const summary = await deps.artisans!.statusText(client.identity!, lang);
      return done([{ text: [t('artisan-linked', { name: result.name }), summary].filter(Boolean).join('\n\n'), buttons: [[menuButton()]] }], { ...state, awaitingCode: false });
    }

    async function linkWithCode(code: string): Promise<Outcome> {
      if (!deps.artisans || !client.identity) return done([{ text: t('artisan-link-refused') }]);
      return linked(await deps.artisans.linkByCode(client.identity, code, lang));
    }

    async function linkWithPhone(phone: string, own: boolean): Promise<Outcome> {
      if (!deps.artisans || !client.identity) return done([{ text: t('artisan-link-refused') }]);
      return linked(await deps.artisans.linkByPhone(client.identity, phone, own, lang));
    }

    async function unlink(): Promise<Outcome> {
      const removed = deps.artisans && client.identity ? await deps.artisans.unlink(client.identity) : false;
      return done([{ text: t(removed ? 'artisan-unlinked' : 'artisan-not-linked'), buttons: [[menuButton()]] }], { ...state, awaitingCode: false });
    }

    async function answerText(text: string): Promise<Outcome> {
      const { answer, context } = await askWithContext(deps.ask, { text }, { lastVillageId: state.lastVillageId });
      const items: Button[] = [];
      for (const item of answer.items.slice(0, 6)) {
        if (item.type === 'village') items.push(button(item.name.slice(0, 60), { kind: 'village', id: item.id, part: 0 }));
        if (item.type === 'route') items.push(button(item.name.slice(0, 60), { kind: 'route', id: item.id }));
      }
      const rows: Button[][] = [];
      if (answer.intent === 'product' && context.lastVillageId) {
        rows.push([button(t('card-products'), { kind: 'products', village: context.lastVillageId, page: 0 })]);
      }
      rows.push([menuButton()]);
      const parts = splitText(answer.text, deps.textLimit);
      const last = parts.length - 1;
      const replies: Reply[] = parts.map((part, i) => (i === last ? { text: part, items, buttons: rows } : { text: part }));
      return done(replies, { ...state, lastVillageId: context.lastVillageId });
    }
  }

  /** Cards to share from inline mode ("@bot bat trang" in any chat). */
  async function inline(query: string, languageCode?: string): Promise<InlineCard[]> {
    const lang = clientLanguage(languageCode);
    const k = knowledge();
    const card = async (state: ChatState, action: Action) => {
      const outcome = await handle(state, { type: 'action', data: encodeAction(action) }, { languageCode: lang });
      return outcome.replies[0]!;
    };
    const found = query.trim()
      ? (await askWithContext(deps.ask, { text: query, lang }, {})).answer.items
      : k.routes.slice(0, 5).map((r) => ({ type: 'route' as const, id: r.id, name: r.name[lang] }));
    const cards: InlineCard[] = [];
    for (const item of found.slice(0, 10)) {
      if (item.type === 'village' && k.villages.has(item.id)) {
        const v = k.villages.get(item.id)!;
        const reply = await card({ lang }, { kind: 'village', id: v.id, part: 0 });
        cards.push({
          id: `v:${v.id}`,
          title: v.name[lang],
          description: messages.t(lang, 'inline-village', { crafts: v.crafts.map((c) => k.crafts.get(c)?.name[lang] ?? c).join(', '), place: v.address.commune ?? '' }),
          text: reply.text,
          buttons: (reply.buttons ?? []).map((row) => row.filter((b) => 'url' in b)).filter((row) => row.length),
        });
      }
      if (item.type === 'route') {
        const r = k.routes.find((route) => route.id === item.id);
        if (!r) continue;
        const reply = await card({ lang }, { kind: 'route', id: r.id });
        cards.push({
          id: `r:${r.id}`,
          title: r.name[lang],
          description: messages.t(lang, 'inline-route', { days: messages.t(lang, 'card-days', { days: r.days }), stops: r.stops.length }),
          text: reply.text,
          buttons: (reply.buttons ?? []).map((row) => row.filter((b) => 'url' in b)).filter((row) => row.length),
        });
      }
    }
    return cards;
  }

  return { handle, inline };
}

export type Dialogue = ReturnType<typeof createDialogue>;
