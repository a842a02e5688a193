// Browsing the handbook by buttons: crafts → their villages → a village's card (directions, products,
// villages near it, routes through it); routes and their cards; OCOP products; the villages nearest the
// user's location. Lists page in place; a stale button gets the main menu.
import type { VillageEntry } from '../../content/schema.js';
import { mapLink } from '../../services/handbook/map-link.js';
import type { Action } from '../actions.js';
import { button, type Turn } from '../turn.js';
import type { Outcome } from '../types.js';
import { backToVillage, byOcop, nearbyList, productLine, routeCard, villageAddress, villageCard, villagePlace } from './browse-cards.js';

/** The actions of browsing: every button but the menu, help, status and language ones. */
export type BrowseAction = Exclude<Action, { kind: 'menu' | 'help' | 'status' | 'lang' }>;

export function browse(turn: Turn, action: BrowseAction): Outcome | Promise<Outcome> {
  switch (action.kind) {
    case 'nearby':
      return turn.done([{ text: turn.t('chat-nearby-ask'), requestLocation: true }]);
    case 'crafts':
      return crafts(turn, action.page);
    case 'villages':
      return villages(turn, action.craft, action.page);
    case 'village':
      return village(turn, action.id, action.part);
    case 'directions':
      return directions(turn, action.id);
    case 'products':
      return products(turn, action.village, action.page);
    case 'near':
      return nearVillage(turn, action.village);
    case 'through':
      return routesThrough(turn, action.village);
    case 'routes':
      return routes(turn, action.page);
    case 'route': {
      const route = turn.knowledge.routes.find((r) => r.id === action.id);
      return route ? turn.done([routeCard(turn, route)]) : turn.stale();
    }
    case 'ocop':
      return ocopProducts(turn, action.page);
  }
}

/** A village's card; "more" (a later part) replaces the message it was pressed on. */
async function village(turn: Turn, id: string, part: number): Promise<Outcome> {
  const v = turn.knowledge.villages.get(id);
  if (!v) return turn.stale();
  return turn.done([await villageCard(turn, v, part, part > 0)], { ...turn.state, lastVillageId: v.id });
}

/** The villages nearest a location the user shared. */
export function nearMe(turn: Turn, at: { lat: number; lon: number }): Outcome {
  return turn.done([nearbyList(turn, at, turn.t('nearby-heading'))]);
}

function crafts(turn: Turn, page: number): Outcome {
  const { t, lang, knowledge: k } = turn;
  const list = [...k.crafts.values()]
    .map((c) => ({ craft: c, count: k.villagesByCraft.get(c.id)?.length ?? 0 }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.craft.name[lang].localeCompare(b.craft.name[lang]));
  const { items, rows } = turn.paged(
    list,
    page,
    (p) => ({ kind: 'crafts', page: p }),
    ({ craft, count }) => button(`${craft.name[lang]} (${count})`, { kind: 'villages', craft: craft.id, page: 0 }),
  );
  rows.push([button(t('chat-all-villages'), { kind: 'villages', craft: 'all', page: 0 }), turn.menuButton()]);
  return turn.done([{ text: t('chat-crafts-heading'), items, buttons: rows, edit: true }]);
}

/** The villages of a craft, or of every craft ("all"), by name. */
function villages(turn: Turn, craftId: string, page: number): Outcome {
  const { t, lang, knowledge: k } = turn;
  const craft = craftId === 'all' ? undefined : k.crafts.get(craftId);
  if (craftId !== 'all' && !craft) return turn.stale();
  const list = craft ? (k.villagesByCraft.get(craft.id) ?? []) : [...k.villages.values()].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  const { items, rows } = turn.paged(
    list,
    page,
    (p) => ({ kind: 'villages', craft: craftId, page: p }),
    (v) => button(`${v.name[lang]} · ${villagePlace(v) || '—'}`.slice(0, 60), { kind: 'village', id: v.id, part: 0 }),
  );
  rows.push([button(t('menu-back'), { kind: 'crafts', page: 0 }), turn.menuButton()]);
  const heading = craft ? t('chat-villages-heading', { craft: craft.name[lang] }) : t('chat-villages-all-heading');
  return turn.done([{ text: heading, items, buttons: rows, edit: true }]);
}

/** The village on a map, and how to get there (or its address). */
function directions(turn: Turn, id: string): Outcome {
  const { t, lang } = turn;
  const v = turn.knowledge.villages.get(id);
  if (!v) return turn.stale();
  const address = villageAddress(turn, v);
  if (!v.location) return turn.done([{ text: t('card-no-location', { village: v.name[lang], address }), buttons: [[backToVillage(turn, v)]] }]);
  const gettingThere = v.visit.gettingThere?.[lang];
  const approximate = v.location.precision === 'village' ? '' : `\n${t('village-approximate')}`;
  const url = mapLink([{ name: v.name.vi, area: [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', '), ...v.location }]).replace(
    '/dir/',
    '/search/',
  );
  return turn.done([
    { text: '', venue: { lat: v.location.lat, lon: v.location.lon, title: v.name[lang], address: address.slice(0, 200) } },
    {
      text: [
        gettingThere ? `${t('village-heading-gettingThere', { village: v.name[lang] })}:\n${gettingThere}` : t('card-address', { address }),
        approximate,
      ].join(''),
      buttons: [[{ label: t('card-map'), url }], [backToVillage(turn, v)]],
    },
  ]);
}

function products(turn: Turn, villageId: string, page: number): Outcome {
  const { t, lang } = turn;
  const v = turn.knowledge.villages.get(villageId);
  if (!v) return turn.stale();
  const list = [...(turn.knowledge.productsByVillage.get(v.id) ?? [])].sort(byOcop);
  if (list.length === 0) return turn.done([{ text: t('village-no-products', { village: v.name[lang] }), buttons: [[backToVillage(turn, v)]] }]);
  const { shown, rows } = turn.paged(list, page, (p) => ({ kind: 'products', village: v.id, page: p }));
  const lines = shown.map((p) => productLine(turn, p, false));
  rows.push([backToVillage(turn, v)]);
  return turn.done([{ text: [`${t('village-heading-products', { village: v.name[lang] })}:`, ...lines].join('\n'), buttons: rows, edit: page > 0 }]);
}

function nearVillage(turn: Turn, villageId: string): Outcome {
  const { t, lang } = turn;
  const v = turn.knowledge.villages.get(villageId);
  if (!v) return turn.stale();
  if (!v.location) return turn.done([{ text: t('card-no-location', { village: v.name[lang], address: villageAddress(turn, v) }) }]);
  return turn.done([nearbyList(turn, v.location, t('nearby-heading-village', { village: v.name[lang] }), v.id)], { ...turn.state, lastVillageId: v.id });
}

function routesThrough(turn: Turn, villageId: string): Outcome {
  const { t, lang } = turn;
  const v = turn.knowledge.villages.get(villageId);
  if (!v) return turn.stale();
  const list = turn.knowledge.routes.filter((r) => r.stops.some((s) => s.village === v.id));
  if (list.length === 0) return turn.done([{ text: t('card-no-routes', { village: v.name[lang] }), buttons: [[backToVillage(turn, v)]] }]);
  const items = list.map((r) => button(r.name[lang].slice(0, 60), { kind: 'route', id: r.id }));
  return turn.done([{ text: t('routes-through', { village: v.name[lang] }), items, buttons: [[backToVillage(turn, v)]] }]);
}

/** Every route: the city's own first, then operators', then ours. */
function routes(turn: Turn, page: number): Outcome {
  const { t, lang } = turn;
  const order = { city: 0, operator: 1, langnghe: 2 } as const;
  const list = [...turn.knowledge.routes].sort((a, b) => order[a.origin] - order[b.origin] || a.id.localeCompare(b.id));
  const { items, rows } = turn.paged(
    list,
    page,
    (p) => ({ kind: 'routes', page: p }),
    (r) => button(`${r.name[lang]} · ${t('card-days', { days: r.days })}`.slice(0, 60), { kind: 'route', id: r.id }),
  );
  rows.push([turn.menuButton()]);
  return turn.done([{ text: t('chat-routes-heading'), items, buttons: rows, edit: true }]);
}

/** Products with confirmed OCOP stars, most first; their villages as buttons. */
function ocopProducts(turn: Turn, page: number): Outcome {
  const { t, lang, knowledge: k } = turn;
  const list = [...k.productsByVillage.values()]
    .flat()
    .filter((p) => p.ocop?.stars && p.ocop.confirmed)
    .sort(byOcop);
  const { shown, rows } = turn.paged(list, page, (p) => ({ kind: 'ocop', page: p }));
  const items = [...new Set(shown.map((p) => p.village))]
    .map((id) => k.villages.get(id))
    .filter((v): v is VillageEntry => Boolean(v))
    .map((v) => button(v.name[lang], { kind: 'village', id: v.id, part: 0 }));
  rows.push([turn.menuButton()]);
  return turn.done([{ text: [t('chat-products-heading'), ...shown.map((p) => productLine(turn, p, true))].join('\n'), items, buttons: rows, edit: true }]);
}
