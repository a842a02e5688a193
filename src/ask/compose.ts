// Answers written from the handbook's own text, in Vietnamese or English; the framing words come from
// the Fluent files.
import type { Lang, Messages } from '../i18n/messages.js';
import type { RouteEntry, VillageEntry } from '../content/schema.js';
import type { Knowledge, Product } from './knowledge.js';
import type { Facet } from './lexicon.js';
import { addressText, listLines, mentionsKm } from './wording.js';

export interface Composer {
  village(village: VillageEntry, lang: Lang): string;
  facet(village: VillageEntry, facet: Facet, lang: Lang): string;
  /** Products of a village, of a craft, or (neither) the OCOP-rated ones; `ocop`: only OCOP-rated were asked for. */
  products(village: VillageEntry | undefined, products: Product[], lang: Lang, options?: { craftId?: string; ocop?: boolean; others?: Product[] }): string;
  villages(craftId: string, villages: VillageEntry[], lang: Lang): string;
  namesake(villages: VillageEntry[], lang: Lang): string;
  routes(routes: RouteEntry[], lang: Lang, through?: VillageEntry): string;
  nearby(list: Array<{ village: VillageEntry; km: number }>, lang: Lang, from?: VillageEntry): string;
}

const lines = (...parts: Array<string | undefined | false>) => parts.filter(Boolean).join('\n');

/** How many entries of each list an answer's text shows; the rest are counted ("… and 10 more"). */
const TEXT_LIMITS = { route: 6, village: 8, product: 10 } as const;

/**
 * Formats each entry once per language: neither the handbook nor the messages change under a composer
 * (the engine makes a new one for each import), so each line is the same every time it is asked for.
 */
function perEntry<E extends object, R>(format: (entry: E, lang: Lang) => R): (entry: E, lang: Lang) => R {
  const made = new Map<E, Partial<Record<Lang, R>>>();
  return (entry, lang) => {
    let byLang = made.get(entry);
    if (!byLang) made.set(entry, (byLang = {}));
    if (!(lang in byLang)) byLang[lang] = format(entry, lang);
    return byLang[lang] as R;
  };
}

export function createComposer(knowledge: Knowledge, messages: Messages): Composer {
  const t = messages.t.bind(messages);

  const address = perEntry((v: VillageEntry, lang: Lang) => {
    const text = addressText(v.address, (id, args) => t(lang, id, args));
    if (!text) return undefined;
    return t(lang, 'village-address', {
      address: v.address.commune && !v.address.communeConfirmed ? `${text} ${t(lang, 'village-unconfirmed-commune')}` : text,
    });
  });
  const list = (entries: string[], kind: keyof typeof TEXT_LIMITS, lang: Lang) => listLines(entries, TEXT_LIMITS[kind], kind, (id, args) => t(lang, id, args));
  const place = (v: VillageEntry) => v.address.commune ?? [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ');
  const recognitionLines = perEntry((v: VillageEntry, lang: Lang) =>
    v.recognition
      .filter((r) => r.title !== 'other')
      .map(
        (r) =>
          `• ${t(lang, 'recognition-title', { title: r.title })}${r.year ? ` (${r.year})` : ''}${r.confirmed ? '' : ` ${t(lang, 'recognition-unconfirmed')}`}`,
      ),
  );
  // Within one village's list the village's name would only repeat.
  const formatProductLine = (p: Product, lang: Lang, ofVillage: boolean) => {
    const village = knowledge.villages.get(p.village)?.name[lang] ?? p.village;
    const rated = Boolean(p.ocop?.stars && p.ocop.confirmed);
    const id = `products-item${ofVillage ? '-short' : ''}${rated ? '-ocop' : ''}`;
    return t(lang, id, { product: p.name[lang], village, stars: p.ocop?.stars ?? 0 });
  };
  const productLineShort = perEntry((p: Product, lang: Lang) => formatProductLine(p, lang, true));
  const productLineLong = perEntry((p: Product, lang: Lang) => formatProductLine(p, lang, false));
  const productLine = (p: Product, lang: Lang, ofVillage: boolean) => (ofVillage ? productLineShort : productLineLong)(p, lang);
  const routeLine = perEntry((r: RouteEntry, lang: Lang) =>
    t(lang, 'routes-item', {
      route: r.name[lang],
      days: r.days,
      stops: r.stops.map((s) => (s.village ? knowledge.villages.get(s.village) : knowledge.places.get(s.place!))?.name[lang] ?? '').join(' → '),
    }),
  );
  const villageText = perEntry((v: VillageEntry, lang: Lang) => {
    const km = v.visit.distanceKm;
    return lines(
      `${v.name[lang]}: ${v.summary[lang]}`,
      address(v, lang),
      // The summary often gives the distance itself: say it once.
      km && !mentionsKm(v.summary[lang], km) ? `(${t(lang, 'village-distance', { km })})` : undefined,
      ...recognitionLines(v, lang).slice(0, 3),
    );
  });

  return {
    village(v, lang) {
      return villageText(v, lang);
    },

    facet(v, facet, lang) {
      const heading = t(lang, `village-heading-${facet}`, { village: v.name[lang] });
      if (facet === 'recognition') {
        const titles = recognitionLines(v, lang);
        return titles.length ? lines(`${heading}:`, ...titles) : missing(v, facet, lang);
      }
      const text = facet === 'history' ? v.history?.[lang] : v.visit[facet]?.[lang];
      if (!text) return missing(v, facet, lang);
      return lines(`${heading}:`, text, facet === 'gettingThere' ? address(v, lang) : undefined);
    },

    products(v, products, lang, { craftId, ocop = false, others = [] } = {}) {
      const craft = craftId ? (knowledge.crafts.get(craftId)?.name[lang] ?? craftId) : undefined;
      const heading = v
        ? t(lang, ocop ? 'village-heading-ocop-products' : 'village-heading-products', { village: v.name[lang] }) + ':'
        : craft
          ? t(lang, ocop ? 'products-ocop-for-craft' : 'products-for-craft', { craft })
          : t(lang, 'products-ocop-heading');
      const shopping = v?.visit.shopping?.[lang];
      if (products.length === 0) {
        // No OCOP-rated product: say so, then what the handbook does list.
        const none = v
          ? t(lang, ocop ? 'village-no-ocop-products' : 'village-no-products', { village: v.name[lang] })
          : craft && ocop
            ? t(lang, 'products-no-ocop-for-craft', { craft })
            : heading;
        if (!others.length) return none;
        const otherHeading = v ? t(lang, 'village-heading-products', { village: v.name[lang] }) + ':' : t(lang, 'products-for-craft', { craft: craft ?? '' });
        return lines(
          none,
          otherHeading,
          ...list(
            others.map((p) => productLine(p, lang, Boolean(v))),
            'product',
            lang,
          ),
          shopping,
        );
      }
      return lines(
        heading,
        ...list(
          products.map((p) => productLine(p, lang, Boolean(v))),
          'product',
          lang,
        ),
        shopping,
      );
    },

    villages(craftId, villages, lang) {
      const craft = knowledge.crafts.get(craftId);
      return lines(
        t(lang, 'villages-for-craft', { craft: craft?.name[lang].toLowerCase() ?? craftId }),
        ...list(
          villages.map((v) => t(lang, 'villages-item', { village: v.name[lang], place: place(v) || '—' })),
          'village',
          lang,
        ),
      );
    },

    namesake(villages, lang) {
      return lines(t(lang, 'villages-namesake'), ...villages.map((v) => t(lang, 'villages-item', { village: v.name[lang], place: place(v) || '—' })));
    },

    routes(routes, lang, through) {
      const heading = through ? t(lang, 'routes-through', { village: through.name[lang] }) : t(lang, 'routes-heading');
      return lines(
        heading,
        ...list(
          routes.map((r) => routeLine(r, lang)),
          'route',
          lang,
        ),
      );
    },

    nearby(nearest, lang, from) {
      if (nearest.length === 0) return t(lang, 'nearby-none');
      const heading = from ? t(lang, 'nearby-heading-village', { village: from.name[lang] }) : t(lang, 'nearby-heading');
      return lines(
        heading,
        // The nearest few, all of them shown: nothing left uncounted.
        ...nearest.map(({ village, km }) =>
          t(lang, 'nearby-item', { village: village.name[lang], km: km.toFixed(1), approximate: village.location?.precision === 'village' ? 'no' : 'yes' }),
        ),
      );
    },
  };

  function missing(v: VillageEntry, facet: Facet, lang: Lang) {
    return lines(t(lang, 'village-facet-missing', { facet: t(lang, 'village-facet-name', { facet }), village: v.name[lang] }), address(v, lang));
  }
}
