// The Q&A engine: a visitor's question → an answer from the handbook, as data. Pure and in memory
// (p99 well under a millisecond); conversation memory and translation live around it (answer-question.ts).
import type { Lang, Messages } from '../i18n/messages.js';
import type { RouteEntry, VillageEntry } from '../content/schema.js';
import { createComposer, type Composer } from './compose.js';
import type { Knowledge, Product } from './knowledge.js';
import { detectLanguage } from './normalize.js';
import { understand, type Understanding } from './understand.js';
import { LearnedIndex, type LearnedEntry, type LearnedTarget } from './learned.js';
export { distanceKm } from './geo.js';

export const intents = ['village', 'villages', 'route', 'product', 'nearby', 'recognition', 'help', 'unknown'] as const;
export type Intent = (typeof intents)[number];
export type { Lang };

export interface Location {
  lat: number;
  lon: number;
}

export interface AskInput {
  text: string;
  lang?: string;
  location?: Location;
}

/** What the engine remembers between questions of one conversation. */
export interface AskContext {
  lastVillageId?: string;
}

export interface AnswerItem {
  type: 'village' | 'route' | 'product';
  id: string;
  name: string;
  /** Distance from the asker, for nearby answers. */
  distanceKm?: number;
}

export interface Answer {
  /** vi or en from the engine; another language's code when the answer was translated. */
  lang: string;
  intent: Intent;
  text: string;
  items: AnswerItem[];
}

const NEARBY_COUNT = 5;
// How many entries an answer's items hold; its text says how many it leaves out (compose.ts).
const PRODUCT_ITEMS = 10;
const VILLAGE_ITEMS = 10;
// Visitors ask the same things in the same words (and reply buttons send fixed texts): what a short text
// names and cues is read once per handbook, for the last UNDERSTOOD_KEPT texts (issue 20: three fifths of the engine's time, profiled).
const UNDERSTOOD_KEPT = 2000;
const UNDERSTOOD_MAX_LENGTH = 160;

export class AskEngine {
  private composer: Composer;
  /** Phrasings taught since the handbook was imported (from PostgreSQL, handed in by setLearned). */
  private taught: LearnedEntry[] = [];
  private learned: LearnedIndex;
  /** understand()'s reading of recent texts, for the handbook loaded now (emptied by load). */
  private understood = new Map<string, Understanding>();

  constructor(
    private current: Knowledge,
    private readonly messages: Messages,
  ) {
    this.composer = createComposer(current, messages);
    this.learned = new LearnedIndex(current.learned);
  }

  /** The handbook the engine answers from. */
  get knowledge(): Knowledge {
    return this.current;
  }

  /** Replaces the handbook the engine answers from (after an import). */
  load(knowledge: Knowledge): void {
    this.current = knowledge;
    this.understood.clear();
    this.composer = createComposer(knowledge, this.messages);
    this.learned = new LearnedIndex([...knowledge.learned, ...this.taught]);
  }

  /** Replaces the phrasings staff taught since the import; they go beside (and before) the handbook's own. */
  setLearned(phrasings: LearnedEntry[]): void {
    this.taught = phrasings;
    this.learned = new LearnedIndex([...this.current.learned, ...phrasings]);
  }

  ask(input: AskInput, context: AskContext = {}): { answer: Answer; context: AskContext } {
    const lang: Lang = input.lang === 'vi' || input.lang === 'en' ? input.lang : detectLanguage(input.text) === 'vi' ? 'vi' : 'en';
    const u = this.understand(input.text);
    const remembered = context.lastVillageId ? this.knowledge.villages.get(context.lastVillageId) : undefined;
    // A taught phrasing as asked is what staff said it means; one with a typo, only when nothing else fits.
    const taught = this.learned.exact(input.text);
    let answer = (taught && this.answerTarget(taught, lang, input.location)) || this.decide(u, lang, input.location, remembered);
    if (!taught && answer.intent === 'unknown' && this.learned.size) {
      const close = this.learned.close(input.text);
      answer = (close && this.answerTarget(close, lang, input.location)) || answer;
    }
    const firstVillage = answer.items.find((item) => item.type === 'village');
    const focus = answer.intent === 'village' || (answer.intent === 'product' && u.villages.length) ? firstVillage?.id : undefined;
    return { answer, context: { lastVillageId: focus ?? (u.villages[0] || context.lastVillageId) } };
  }

  /** understand() of this handbook, kept for recent short texts; frozen, as it is shared by their answers. */
  private understand(text: string): Understanding {
    const kept = this.understood.get(text);
    if (kept) return kept;
    const u = understand(this.knowledge, text);
    if (text.length > UNDERSTOOD_MAX_LENGTH) return u;
    for (const value of Object.values(u)) if (Array.isArray(value)) Object.freeze(value);
    // The oldest text goes first (a Map keeps the order texts were added in).
    if (this.understood.size >= UNDERSTOOD_KEPT) this.understood.delete(this.understood.keys().next().value!);
    this.understood.set(text, Object.freeze(u));
    return u;
  }

  private decide(u: Understanding, lang: Lang, location: Location | undefined, remembered: VillageEntry | undefined): Answer {
    const k = this.knowledge;
    const asksAboutRemembered = Boolean(remembered && (u.reference || u.facet || u.nearby || u.products));
    // A name read only through a typo gives way to the village the conversation is about.
    const named = u.typo && asksAboutRemembered ? [] : u.villages.map((id) => k.villages.get(id)!).filter(Boolean);
    // "there", "đó", or a detail question with no village: the last village talked about.
    const followUp = named.length === 0 && asksAboutRemembered ? remembered : undefined;
    const village = named[0] ?? followUp;
    const reply = (intent: Intent, text: string, items: AnswerItem[] = []): Answer => ({ lang, intent, text, items });

    if (u.artisan) return reply('recognition', this.messages.t(lang, 'ask-recognition'));
    // A rules question, unless it names a village ("what titles has Bát Tràng?" is about the village).
    if (u.guide && named.length === 0) return reply('recognition', k.guides.get(u.guide)!.answer[lang]);
    if (u.elsewhere.length && named.length === 0) return reply('unknown', k.elsewhere.get(u.elsewhere[0]!)!.note[lang]);
    if (u.outsideHanoi && named.length === 0) return reply('unknown', this.messages.t(lang, 'ask-unknown'));
    // A craft or a tour word amid many words the handbook cannot place ("ceramic bathroom tiles price",
    // "Ha Long Bay tour"): not a question about craft villages.
    const unplaced = u.rest.length >= 2 && !village;
    if (u.help && !u.route && !u.nearby) return reply('help', this.messages.t(lang, 'ask-help'));

    if (u.nearby && (location || village)) {
      const from = location ?? village?.location;
      if (!from) return reply('nearby', this.messages.t(lang, 'nearby-need-location'));
      const list = this.nearest(from, village && !location ? village.id : undefined);
      return reply(
        'nearby',
        this.composer.nearby(list, lang, location ? undefined : village),
        list.map(({ village: v, km }) => ({ ...this.villageItem(v, lang), distanceKm: round(km) })),
      );
    }
    if (location && !village && u.crafts.length === 0 && !u.route) {
      const list = this.nearest(location);
      return reply(
        'nearby',
        this.composer.nearby(list, lang),
        list.map(({ village: v, km }) => ({ ...this.villageItem(v, lang), distanceKm: round(km) })),
      );
    }
    // "Near me" with nothing else: ask for the location. "Hospital near X": not ours to answer.
    if (u.nearby && u.rest.length === 0 && u.crafts.length === 0) return reply('nearby', this.messages.t(lang, 'nearby-need-location'));

    if (u.route) {
      const routes = this.rankRoutes(u, village);
      if (routes.length === 0) return reply('unknown', this.messages.t(lang, 'ask-unknown'));
      return reply(
        'route',
        this.composer.routes(routes, lang, named[0]),
        routes.map((r) => ({ type: 'route', id: r.id, name: r.name[lang] })),
      );
    }

    if (unplaced && !u.route) return reply('unknown', this.messages.t(lang, 'ask-unknown'));

    if (u.products && (village || u.crafts.length)) {
      const craftId = village ? undefined : u.crafts[0];
      const all = village ? this.productsOf(village.id) : this.productsOfCraft(craftId!);
      // "OCOP products of Bát Tràng": only the rated ones; if it has none, say so and list what it has.
      const products = u.ocop ? all.filter(isOcopRated) : all;
      const shown = products.length ? products : all;
      return reply(
        'product',
        this.composer.products(village, products, lang, { craftId, ocop: u.ocop, others: products.length ? [] : all }),
        shown.slice(0, PRODUCT_ITEMS).map((p) => ({ type: 'product', id: p.id, name: p.name[lang] })),
      );
    }

    if (u.ambiguous && named.length > 1 && !u.facet) {
      return reply(
        'villages',
        this.composer.namesake(named, lang),
        named.map((v) => this.villageItem(v, lang)),
      );
    }

    if (village && !(u.which && u.crafts.length && named.length === 0)) {
      const text = u.facet ? this.composer.facet(village, u.facet, lang) : this.composer.village(village, lang);
      const others = named.slice(1).map((v) => this.villageItem(v, lang));
      return reply('village', text, [this.villageItem(village, lang), ...others]);
    }

    if (u.crafts.length) {
      const craft = u.crafts[0]!;
      const villages = this.villagesFor(craft, u.craftPhrase);
      return reply(
        'villages',
        this.composer.villages(craft, villages, lang),
        villages.slice(0, VILLAGE_ITEMS).map((v) => this.villageItem(v, lang)),
      );
    }

    if (u.products && u.ocop) {
      const products = [...k.productsByVillage.values()].flat().filter(isOcopRated).sort(byOcop);
      return reply(
        'product',
        this.composer.products(undefined, products, lang, { ocop: true }),
        products.slice(0, PRODUCT_ITEMS).map((p) => ({ type: 'product', id: p.id, name: p.name[lang] })),
      );
    }

    if (u.facet && !remembered && u.rest.length <= 2) return reply('unknown', this.messages.t(lang, 'ask-which-village'));
    return reply('unknown', this.messages.t(lang, 'ask-unknown'));
  }

  /** The answer a learned phrasing points at; undefined when its entry is no longer in the handbook. */
  private answerTarget(target: LearnedTarget, lang: Lang, location: Location | undefined): Answer | undefined {
    const k = this.knowledge;
    if ('intent' in target) {
      const cue = { help: 'help', 'out-of-scope': 'help', nearby: 'nearby', route: 'route', recognition: 'artisan' } as const;
      return this.decide({ ...blankUnderstanding(), [cue[target.intent]]: true }, lang, location, undefined);
    }
    if (target.type === 'village')
      return k.villages.has(target.id) ? this.decide({ ...blankUnderstanding(), villages: [target.id] }, lang, location, undefined) : undefined;
    if (target.type === 'craft')
      return k.crafts.has(target.id) ? this.decide({ ...blankUnderstanding(), crafts: [target.id] }, lang, undefined, undefined) : undefined;
    if (target.type === 'route') {
      const route = k.routes.find((r) => r.id === target.id);
      if (!route) return undefined;
      return { lang, intent: 'route', text: this.composer.routes([route], lang), items: [{ type: 'route', id: route.id, name: route.name[lang] }] };
    }
    const product = [...k.productsByVillage.values()].flat().find((p) => p.id === target.id);
    if (!product) return undefined;
    return {
      lang,
      intent: 'product',
      text: this.composer.products(k.villages.get(product.village), [product], lang),
      items: [{ type: 'product', id: product.id, name: product.name[lang] }],
    };
  }

  /** Villages of a craft; those whose own names use the words asked ("tò he") first. */
  private villagesFor(craftId: string, phrase: string | undefined): VillageEntry[] {
    const villages = this.knowledge.villagesByCraft.get(craftId) ?? [];
    if (!phrase) return villages;
    const first: VillageEntry[] = [];
    const others: VillageEntry[] = [];
    for (const v of villages) (this.knowledge.aliasPhrases.get(v.id)?.has(phrase) ? first : others).push(v);
    return [...first, ...others];
  }

  private villageItem(v: VillageEntry, lang: Lang): AnswerItem {
    return { type: 'village', id: v.id, name: v.name[lang] };
  }

  private productsOf(villageId: string): Product[] {
    return [...(this.knowledge.productsByVillage.get(villageId) ?? [])].sort(byOcop);
  }

  private productsOfCraft(craftId: string): Product[] {
    return [...(this.knowledge.productsByCraft.get(craftId) ?? [])].sort(byOcop);
  }

  private nearest(from: Location, exclude?: string): Array<{ village: VillageEntry; km: number }> {
    return this.knowledge.nearest(from, NEARBY_COUNT, exclude);
  }

  private rankRoutes(u: Understanding, village: VillageEntry | undefined): RouteEntry[] {
    const k = this.knowledge;
    if (village) {
      const through = k.routes.filter((r) => r.stops.some((s) => s.village === village.id));
      if (through.length) return through;
    }
    if (u.rest.length) {
      const hits = k.routeIndex.search(u.rest.join(' '), { fuzzy: 0.15, prefix: true, combineWith: 'OR' });
      const ranked = hits.map((hit) => k.routes.find((r) => r.id === hit.id)!).filter(Boolean);
      if (ranked.length) return ranked;
      // Words none of our routes has ("Ha Long Bay tour"): no route of ours fits.
      if (u.rest.length >= 2) return [];
    }
    return [...k.routesShortestFirst];
  }
}

/** Certified OCOP, as the handbook confirms it (with or without a known star rating). */
const isOcopRated = (p: Product) => Boolean(p.ocop?.confirmed);
const byOcop = (a: Product, b: Product) => (b.ocop?.stars ?? 0) - (a.ocop?.stars ?? 0) || a.id.localeCompare(b.id);
const round = (km: number) => Math.round(km * 10) / 10;

/** An understanding that names nothing and cues nothing: a learned target fills in what it means. */
const blankUnderstanding = (): Understanding => ({
  folded: '',
  villages: [],
  typo: false,
  elsewhere: [],
  outsideHanoi: false,
  ambiguous: false,
  crafts: [],
  help: false,
  route: false,
  nearby: false,
  products: false,
  ocop: false,
  which: false,
  reference: false,
  artisan: false,
  rest: [],
});
