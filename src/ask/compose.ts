// Answers written from the handbook's own text, in Vietnamese or English; the framing words come from
// the Fluent files.
import type { Lang, Messages } from '../i18n/messages.js';
import type { RouteEntry, VillageEntry } from '../content/schema.js';
import type { Knowledge, Product } from './knowledge.js';
import type { Facet } from './lexicon.js';

export interface Composer {
  village(village: VillageEntry, lang: Lang): string;
  facet(village: VillageEntry, facet: Facet, lang: Lang): string;
  products(village: VillageEntry | undefined, products: Product[], lang: Lang, craftId?: string): string;
  villages(craftId: string, villages: VillageEntry[], lang: Lang): string;
  namesake(villages: VillageEntry[], lang: Lang): string;
  routes(routes: RouteEntry[], lang: Lang, through?: VillageEntry): string;
  nearby(list: Array<{ village: VillageEntry; km: number }>, lang: Lang, from?: VillageEntry): string;
}

const lines = (...parts: Array<string | undefined | false>) => parts.filter(Boolean).join('\n');

export function createComposer(knowledge: Knowledge, messages: Messages): Composer {
  const t = messages.t.bind(messages);

  const address = (v: VillageEntry, lang: Lang) => {
    const { commune, communeConfirmed, formerCommune, formerDistrict } = v.address;
    const former = [formerCommune, formerDistrict].filter(Boolean).join(', ');
    const text = [commune, former && `(${t(lang, 'village-formerly', { former })})`].filter(Boolean).join(' ');
    if (!text) return undefined;
    return t(lang, 'village-address', { address: commune && !communeConfirmed ? `${text} ${t(lang, 'village-unconfirmed-commune')}` : text });
  };
  const place = (v: VillageEntry) => v.address.commune ?? [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ');
  const recognitionLines = (v: VillageEntry, lang: Lang) =>
    v.recognition
      .filter((r) => r.title !== 'other')
      .map((r) => `• ${t(lang, 'recognition-title', { title: r.title })}${r.year ? ` (${r.year})` : ''}${r.confirmed ? '' : ` ${t(lang, 'recognition-unconfirmed')}`}`);
  // Within one village's list the village's name would only repeat.
  const productLine = (p: Product, lang: Lang, ofVillage: boolean) => {
    const village = knowledge.villages.get(p.village)?.name[lang] ?? p.village;
    const rated = Boolean(p.ocop?.stars && p.ocop.confirmed);
    const id = `products-item${ofVillage ? '-short' : ''}${rated ? '-ocop' : ''}`;
    return t(lang, id, { product: p.name[lang], village, stars: p.ocop?.stars ?? 0 });
  };

  return {
    village(v, lang) {
      return lines(
        `${v.name[lang]}: ${v.summary[lang]}`,
        address(v, lang),
        v.visit.distanceKm ? `(${t(lang, 'village-distance', { km: v.visit.distanceKm })})` : undefined,
        ...recognitionLines(v, lang).slice(0, 3),
      );
    },

    facet(v, facet, lang) {
      const heading = t(lang, `village-heading-${facet}`, { village: v.name[lang] });
      if (facet === 'recognition') {
        const list = recognitionLines(v, lang);
        return list.length ? lines(`${heading}:`, ...list) : missing(v, facet, lang);
      }
      const text = facet === 'history' ? v.history?.[lang] : v.visit[facet]?.[lang];
      if (!text) return missing(v, facet, lang);
      return lines(`${heading}:`, text, facet === 'gettingThere' ? address(v, lang) : undefined);
    },

    products(v, products, lang, craftId) {
      const heading = v
        ? t(lang, 'village-heading-products', { village: v.name[lang] }) + ':'
        : craftId
          ? t(lang, 'products-for-craft', { craft: knowledge.crafts.get(craftId)?.name[lang] ?? craftId })
          : t(lang, 'products-ocop-heading');
      if (products.length === 0) return v ? t(lang, 'village-no-products', { village: v.name[lang] }) : heading;
      return lines(heading, ...products.slice(0, 10).map((p) => productLine(p, lang, Boolean(v))), v?.visit.shopping?.[lang]);
    },

    villages(craftId, villages, lang) {
      const craft = knowledge.crafts.get(craftId);
      return lines(
        t(lang, 'villages-for-craft', { craft: craft?.name[lang].toLowerCase() ?? craftId }),
        ...villages.slice(0, 8).map((v) => t(lang, 'villages-item', { village: v.name[lang], place: place(v) || '—' })),
      );
    },

    namesake(villages, lang) {
      return lines(
        t(lang, 'villages-namesake'),
        ...villages.map((v) => t(lang, 'villages-item', { village: v.name[lang], place: place(v) || '—' })),
      );
    },

    routes(routes, lang, through) {
      const heading = through ? t(lang, 'routes-through', { village: through.name[lang] }) : t(lang, 'routes-heading');
      return lines(
        heading,
        ...routes.slice(0, 6).map((r) =>
          t(lang, 'routes-item', {
            route: r.name[lang],
            days: r.days,
            stops: r.stops.map((s) => (s.village ? knowledge.villages.get(s.village) : knowledge.places.get(s.place!))?.name[lang] ?? '').join(' → '),
          }),
        ),
      );
    },

    nearby(list, lang, from) {
      if (list.length === 0) return t(lang, 'nearby-none');
      const heading = from ? t(lang, 'nearby-heading-village', { village: from.name[lang] }) : t(lang, 'nearby-heading');
      return lines(
        heading,
        ...list.map(({ village, km }) =>
          t(lang, 'nearby-item', { village: village.name[lang], km: km.toFixed(1), approximate: village.location?.precision === 'village' ? 'no' : 'yes' }),
        ),
      );
    },
  };

  function missing(v: VillageEntry, facet: Facet, lang: Lang) {
    return lines(
      t(lang, 'village-facet-missing', { facet: t(lang, 'village-facet-name', { facet }), village: v.name[lang] }),
      address(v, lang),
    );
  }
}
