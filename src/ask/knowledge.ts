// The handbook as the engine holds it in memory: entries by id, a phrase index of every name and alias
// (folded), and MiniSearch indexes for names typed with mistakes and for routes. Rebuilt from PostgreSQL
// after each import, so it always answers from the imported handbook.
import MiniSearch from 'minisearch';
import type { Handbook } from '../content/load.js';
import type { CraftEntry, ElsewhereEntry, GuideEntry, LearnedEntry, PlaceEntry, ProductEntry, RouteEntry, VillageEntry } from '../content/schema.js';
import { ambiguousUnaccented, stopwords } from './lexicon.js';
import { fold, plain, tokens } from './normalize.js';
import { distanceKm } from './geo.js';

export type Product = ProductEntry & { village: string };

const VILLAGE_WORDS = new Set(['village', 'villages', 'lang', 'craft']);
export type EntityRef = { type: 'village' | 'craft' | 'elsewhere'; id: string };

interface NameKey {
  id: number;
  ref: EntityRef;
  text: string; // folded
  plain: string; // with diacritics
}

export class Knowledge {
  readonly villages = new Map<string, VillageEntry>();
  readonly crafts = new Map<string, CraftEntry>();
  readonly places = new Map<string, PlaceEntry>();
  readonly elsewhere = new Map<string, ElsewhereEntry>();
  readonly guides = new Map<string, GuideEntry>();
  /** every way a rules question is asked, to find its guide */
  readonly guideIndex: MiniSearch<{ id: string; guide: string; text: string; size: number; core: string[] }>;
  /** the same questions' words as guideIndex holds them, and the questions by word, to count shared words without a search */
  readonly guideQuestions: Array<{ size: number; core: Set<string> }> = [];
  readonly guideQuestionsByWord = new Map<string, number[]>();
  readonly routes: RouteEntry[];
  /** the routes shortest first (then the city's, the operators', ours), as offered when nothing narrows them */
  readonly routesShortestFirst: RouteEntry[];
  /** each village's aliases as a craft's phrase is compared with them ("làng tò he" → "to he"), by village id */
  readonly aliasPhrases = new Map<string, Set<string>>();
  /** Phrasings staff taught the bot that the handbook files hold (learned.yaml); those taught since are the engine's. */
  readonly learned: LearnedEntry[];
  readonly productsByVillage = new Map<string, Product[]>();
  readonly productsByCraft = new Map<string, Product[]>();
  readonly villagesByCraft = new Map<string, VillageEntry[]>();
  /** folded phrase of two or more words → what it names */
  readonly phrases = new Map<string, EntityRef[]>();
  /** a single word as written with diacritics ("gốm") → what it names */
  readonly accentedWords = new Map<string, EntityRef[]>();
  /** a single word without diacritics ("gom", "silk") → what it names, common words left out */
  readonly plainWords = new Map<string, EntityRef[]>();
  /** the common words left out above ("huong", "cuu"), read as names only in context */
  readonly ambiguousWords = new Map<string, EntityRef[]>();
  /** a village name of two or three words typed as one word, folded ("battrang") → the name ("bat trang") */
  readonly joinedNames = new Map<string, string>();
  /** every word of a village's names, for spotting typos */
  readonly villageNameWords = new Set<string>();
  readonly longestPhrase: number;
  /** the longest name starting with each first word, to try only the phrases that can match */
  readonly phraseStarts = new Map<string, number>();
  /** each word of a phrase of two to four words → the places it takes in them, as phraseSlot bits */
  readonly phraseSlots = new Map<string, number>();
  readonly villageNames: MiniSearch<NameKey>;
  /** every word of the villages' names, for proposing corrections of a misspelt one */
  readonly vocabularySearch: MiniSearch<{ id: string }>;
  private readonly keysByText = new Map<string, NameKey>();
  readonly routeIndex: MiniSearch<{ id: string; text: string }>;

  constructor(
    handbook: Pick<Handbook, 'villages' | 'crafts' | 'products' | 'places' | 'routes' | 'elsewhere'> & Partial<Pick<Handbook, 'guides' | 'learned'>>,
  ) {
    for (const v of handbook.villages) this.villages.set(v.id, v);
    for (const c of handbook.crafts) this.crafts.set(c.id, c);
    for (const p of handbook.places) this.places.set(p.id, p);
    for (const e of handbook.elsewhere) this.elsewhere.set(e.id, e);
    for (const g of handbook.guides ?? []) this.guides.set(g.id, g);
    this.guideIndex = new MiniSearch({ fields: ['text'], storeFields: ['guide', 'size', 'core'] });
    this.guideIndex.addAll(
      [...this.guides.values()].flatMap((g) =>
        g.questions.map((q, i) => {
          const words = new Set(tokens(fold(q)));
          // Its own words, without those every question here shares ("làng nghề", "Hà Nội", "craft village").
          const core = [...words].filter((w) => !stopwords.has(w) && !VILLAGE_WORDS.has(w));
          return { id: `${g.id}#${i}`, guide: g.id, text: fold(q), size: words.size, core };
        }),
      ),
    );
    for (const g of this.guides.values())
      for (const q of g.questions) {
        const words = new Set(tokens(fold(q)));
        const at = this.guideQuestions.push({ size: words.size, core: new Set([...words].filter((w) => !stopwords.has(w) && !VILLAGE_WORDS.has(w))) }) - 1;
        for (const word of words) push(this.guideQuestionsByWord, word, at);
      }
    this.routes = handbook.routes;
    const origin = (r: RouteEntry) => ({ city: 0, operator: 1, langnghe: 2 })[r.origin];
    this.routesShortestFirst = [...this.routes].sort((a, b) => a.days - b.days || origin(a) - origin(b) || a.id.localeCompare(b.id));
    this.learned = handbook.learned ?? [];
    for (const p of handbook.products) {
      push(this.productsByVillage, p.village, p);
      push(this.productsByCraft, p.craft, p);
    }
    for (const v of handbook.villages) v.crafts.forEach((craft) => push(this.villagesByCraft, craft, v));
    for (const v of handbook.villages)
      this.aliasPhrases.set(
        v.id,
        new Set(
          v.aliases.map((alias) =>
            tokens(fold(alias))
              .filter((w) => !['lang', 'village'].includes(w))
              .join(' '),
          ),
        ),
      );
    // The village known for the craft first (an alias that is just the craft and "village": "embroidery
    // village", "làng sơn mài"), then those whose main craft it is, then the better documented ones.
    for (const [craftId, list] of this.villagesByCraft) {
      const craft = this.crafts.get(craftId);
      const craftNames = new Set(craft ? [craft.name.vi, craft.name.en, ...craft.aliases].map(fold) : []);
      const knownFor = (v: VillageEntry) =>
        v.aliases.some((alias) =>
          craftNames.has(
            tokens(fold(alias))
              .filter((w) => !VILLAGE_WORDS.has(w))
              .join(' '),
          ),
        );
      const weight = (v: VillageEntry) =>
        (knownFor(v) ? 2000 : 0) + (v.crafts[0] === craftId ? 1000 : 0) + v.recognition.length * 10 + (this.productsByVillage.get(v.id)?.length ?? 0);
      list.sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id));
    }

    const keys: NameKey[] = [];
    const addName = (ref: EntityRef, name: string) => {
      const folded = fold(name);
      if (!folded) return;
      if (folded.includes(' ')) {
        pushUnique(this.phrases, folded, ref);
        keys.push({ id: keys.length, ref, text: folded, plain: plain(name) });
      } else if (folded.length >= 3) {
        if (plain(name) !== folded) pushUnique(this.accentedWords, plain(name), ref);
        // The unaccented spelling, unless it is also a common word ("gio" is giờ before giò).
        else pushUnique(ambiguousUnaccented.has(folded) ? this.ambiguousWords : this.plainWords, folded, ref);
        // The unaccented spelling of an accented word is read too, in context when it is ambiguous.
        if (plain(name) !== folded) pushUnique(ambiguousUnaccented.has(folded) ? this.ambiguousWords : this.plainWords, folded, ref);
      }
    };
    for (const v of handbook.villages) {
      for (const name of [v.name.vi, v.name.en, v.id.replace(/-/g, ' '), ...v.aliases]) addName({ type: 'village', id: v.id }, name);
      // "Phùng Xá (Mỹ Đức)" is also asked for as "Phùng Xá Mỹ Đức", and as plain "Phùng Xá",
      // which then names both Phùng Xá villages.
      if (/\(.*\)/.test(v.name.vi)) {
        addName({ type: 'village', id: v.id }, v.name.vi.replace(/[()]/g, ' '));
        addName({ type: 'village', id: v.id }, v.name.vi.replace(/\(.*\)/, ' '));
      }
    }
    // Each village name of two or three words may be typed as one word ("battrang", "vanphuc", "KieuKy"):
    // the question is read with the name's own words put back (understand.ts).
    for (const key of keys) {
      const words = tokens(key.text);
      const word = words.join('');
      if (key.ref.type !== 'village' || words.length > 3 || words.some((w) => VILLAGE_WORDS.has(w)) || word.length < 5) continue;
      if (!this.joinedNames.has(word)) this.joinedNames.set(word, key.text);
    }
    for (const c of handbook.crafts) for (const name of [c.name.vi, c.name.en, ...c.aliases]) addName({ type: 'craft', id: c.id }, name);
    for (const e of handbook.elsewhere) for (const name of [e.name.vi, e.name.en, ...e.aliases]) addName({ type: 'elsewhere', id: e.id }, name);
    this.longestPhrase = Math.max(...[...this.phrases.keys()].map((p) => tokens(p).length), 1);
    for (const phrase of this.phrases.keys()) {
      const words = tokens(phrase);
      this.phraseStarts.set(words[0]!, Math.max(this.phraseStarts.get(words[0]!) ?? 0, words.length));
      if (words.length <= 4) words.forEach((word, at) => this.phraseSlots.set(word, (this.phraseSlots.get(word) ?? 0) | phraseSlot(words.length, at)));
    }

    this.villageNames = new MiniSearch<NameKey>({ fields: ['text'], storeFields: ['ref', 'text', 'plain'] });
    this.villageNames.addAll(keys.filter((k) => k.ref.type === 'village'));
    for (const key of keys) if (key.ref.type === 'village') for (const word of tokens(key.text)) this.villageNameWords.add(word);
    for (const key of keys) if (key.ref.type === 'village' && !this.keysByText.has(key.text)) this.keysByText.set(key.text, key);
    this.vocabularySearch = new MiniSearch({ fields: ['id'], tokenize: (text) => [text] });
    this.vocabularySearch.addAll([...this.villageNameWords].map((id) => ({ id })));

    this.routeIndex = new MiniSearch({ fields: ['name', 'text'], processTerm: (term) => fold(term) || null, searchOptions: { boost: { name: 3 } } });
    this.routeIndex.addAll(
      this.routes.map((r) => ({
        id: r.id,
        name: `${r.name.vi} ${r.name.en}`,
        text: [r.theme.vi, r.theme.en, ...r.stops.map((s) => this.stopName(s))].join(' '),
      })),
    );
  }

  // Visitors repeat their words, misspelt ones too: each word's corrections are worked out once.
  private readonly corrections = new Map<string, string[]>();

  correctionsOf(word: string, propose: (knowledge: Knowledge, word: string) => string[]): string[] {
    let found = this.corrections.get(word);
    if (!found) {
      if (this.corrections.size >= 20_000) this.corrections.clear();
      found = propose(this, word);
      this.corrections.set(word, found);
    }
    return found;
  }

  private readonly joinedCorrections = new Map<string, string[]>();

  /**
   * Village names typed as one word with one mistake ("Batrang" for "battrang"): the one-word forms one
   * edit away (a swap of two letters counting as one), same first letter, for words of six letters or more.
   */
  joinedNameTypos(word: string, distance: (a: string, b: string) => number): string[] {
    let found = this.joinedCorrections.get(word);
    if (!found) {
      if (this.joinedCorrections.size >= 20_000) this.joinedCorrections.clear();
      found =
        word.length < 6 || this.joinedNames.has(word)
          ? []
          : [...this.joinedNames.keys()].filter((name) => name[0] === word[0] && Math.abs(name.length - word.length) <= 1 && distance(name, word) === 1);
      this.joinedCorrections.set(word, found);
    }
    return found;
  }

  /** A village name as written (with diacritics), by its folded form. */
  villageKey(folded: string): { plain: string } | undefined {
    return this.keysByText.get(folded);
  }

  /** The villages nearest to a point, with their distance in km. */
  nearest(from: { lat: number; lon: number }, count: number, exclude?: string): Array<{ village: VillageEntry; km: number }> {
    return [...this.villages.values()]
      .filter((v) => v.location && v.id !== exclude)
      .map((v) => ({ village: v, km: distanceKm(from, v.location!) }))
      .sort((a, b) => a.km - b.km || a.village.id.localeCompare(b.village.id))
      .slice(0, count);
  }

  stopName(stop: RouteEntry['stops'][number]): string {
    const entry = stop.village ? this.villages.get(stop.village) : this.places.get(stop.place!);
    return entry ? `${entry.name.vi} ${entry.name.en}` : '';
  }

  static fromHandbook(handbook: Handbook): Knowledge {
    return new Knowledge(handbook);
  }
}

/** A bit for the word at `at` of a phrase of `length` words (up to four). */
export const phraseSlot = (length: number, at: number) => 1 << (length * 4 + at);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushUnique(map: Map<string, EntityRef[]>, key: string, ref: EntityRef) {
  const list = map.get(key) ?? [];
  if (!list.some((r) => r.type === ref.type && r.id === ref.id)) list.push(ref);
  map.set(key, list);
}
