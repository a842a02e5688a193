// What browsing shows: a village's card, a route's card with its map, product lines and the nearest
// villages to a point, each cut to the channel's longest message.
import type { Product } from '../../ask/knowledge.js';
import { addressText } from '../../ask/wording.js';
import type { RouteEntry, VillageEntry } from '../../content/schema.js';
import { mapLink } from '../../services/handbook/map-link.js';
import { splitText } from '../fit-text.js';
import { button, type Turn, type VillageVlog } from '../turn.js';
import type { Button, Reply } from '../types.js';

const NEARBY = 5;

/** Where a village is, shortly: its commune, or its former commune and district. */
export const villagePlace = (v: VillageEntry) => v.address.commune ?? [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ');

export const villageAddress = (turn: Turn, v: VillageEntry) => addressText(v.address, turn.t) ?? '';

export const backToVillage = (turn: Turn, v: VillageEntry): Button => button(turn.t('menu-back'), { kind: 'village', id: v.id, part: 0 });

function villageCardText(turn: Turn, v: VillageEntry, vlog: VillageVlog | undefined): string {
  const { t, lang, knowledge: k } = turn;
  const crafts = v.crafts.map((c) => k.crafts.get(c)?.name[lang] ?? c).join(', ');
  const address = villageAddress(turn, v);
  const recognition = v.recognition
    .filter((r) => r.title !== 'other')
    .map((r) => `• ${t('recognition-title', { title: r.title })}${r.year ? ` (${r.year})` : ''}${r.confirmed ? '' : ` ${t('recognition-unconfirmed')}`}`);
  return [
    `🏘 ${v.name[lang]}`,
    t('card-crafts', { crafts }),
    address && t('card-address', { address }),
    vlog && t('vlog-card-latest', { title: vlog.title, link: vlog.pageUrl }),
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

/** The village's latest published vlog, if the dialogue was given a way to know it; a card never fails for it. */
export const latestVlogOf = async (turn: Turn, v: VillageEntry): Promise<VillageVlog | undefined> => turn.deps.latestVlog?.(v.id).catch(() => undefined);

/** The vlog's poster as the reply's picture, leading to its page. */
export const vlogPhoto = (turn: Turn, vlog: VillageVlog | undefined): Reply['photo'] =>
  vlog?.posterUrl ? { url: vlog.posterUrl, alt: turn.t('vlog-card-poster', { title: vlog.title }), link: `/vlogs/${vlog.slug}` } : undefined;

/** A village's card, one part at a time ("more" for the next), with what to do next; its first part names
 *  the village's latest vlog and carries its poster. */
export async function villageCard(turn: Turn, v: VillageEntry, part: number, edit: boolean): Promise<Reply> {
  const { t } = turn;
  const vlog = await latestVlogOf(turn, v);
  const parts = splitText(villageCardText(turn, v, vlog), turn.deps.textLimit);
  const index = Math.min(part, parts.length - 1);
  const rows: Button[][] = [];
  if (index < parts.length - 1) rows.push([button(t('menu-more'), { kind: 'village', id: v.id, part: index + 1 })]);
  rows.push(
    [button(t('card-directions'), { kind: 'directions', id: v.id }), button(t('card-products'), { kind: 'products', village: v.id, page: 0 })],
    [button(t('card-nearby'), { kind: 'near', village: v.id }), button(t('card-routes'), { kind: 'through', village: v.id })],
    [button(t('menu-back'), { kind: 'villages', craft: v.crafts[0]!, page: 0 }), turn.menuButton()],
  );
  const photo = index === 0 ? vlogPhoto(turn, vlog) : undefined;
  return { text: parts[index]!, buttons: rows, edit, ...(photo ? { photo } : {}) };
}

export function routeCard(turn: Turn, r: RouteEntry): Reply {
  const { t, lang, knowledge: k } = turn;
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
  const rows: Button[][] = [[{ label: t('card-map'), url: routeMapLink(turn, r) }], [button(t('menu-back'), { kind: 'routes', page: 0 }), turn.menuButton()]];
  return { text: splitText(text, turn.deps.textLimit)[0]!, items, buttons: rows };
}

function routeMapLink(turn: Turn, r: RouteEntry): string {
  const k = turn.knowledge;
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

export function productLine(turn: Turn, p: Product, withVillage: boolean): string {
  const { t, lang } = turn;
  const village = withVillage ? ` (${turn.knowledge.villages.get(p.village)?.name[lang] ?? p.village})` : '';
  const stars = p.ocop?.stars && p.ocop.confirmed ? `, ${t('village-ocop-stars', { stars: p.ocop.stars })}` : '';
  return `• ${p.name[lang]}${village}${stars}`;
}

/** Most OCOP stars first, then by id. */
export const byOcop = (a: Product, b: Product) => (b.ocop?.stars ?? 0) - (a.ocop?.stars ?? 0) || a.id.localeCompare(b.id);

/** The villages nearest a point, with their distances; `exclude` leaves out the village it is from. */
export function nearbyList(turn: Turn, from: { lat: number; lon: number }, heading: string, exclude?: string): Reply {
  const { t, lang } = turn;
  const list = turn.knowledge.nearest(from, NEARBY, exclude);
  if (list.length === 0) return { text: t('nearby-none'), buttons: [[turn.menuButton()]] };
  const lines = list.map(({ village, km }) =>
    t('nearby-item', { village: village.name[lang], km: km.toFixed(1), approximate: village.location?.precision === 'village' ? 'no' : 'yes' }),
  );
  return {
    text: [heading, ...lines].join('\n'),
    items: list.map(({ village, km }) => button(`${village.name[lang]} · ${km.toFixed(1)} km`, { kind: 'village', id: village.id, part: 0 })),
    buttons: [[turn.menuButton()]],
  };
}
