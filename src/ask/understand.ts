// What a question is about: the villages and crafts it names (exactly, or with a typo), and the cues
// that tell the intent (help, route, nearby, products, which villages, a village detail, a follow-up).
import { ambiguousUnaccented, craftContextAfter, craftContextBefore, elsewherePlaces, facets, lexicon, stopwords, type Facet } from './lexicon.js';
import { phraseSlot, type EntityRef, type Knowledge } from './knowledge.js';
import { fold, NON_ASCII, plain, tokens } from './normalize.js';
import { osaDistance } from './edit-distance.js';

export interface Understanding {
  folded: string;
  villages: string[];
  /** The village was recognised through a typo only: a remembered village may be meant instead. */
  typo: boolean;
  /** A village of another province that people look for in Hanoi. */
  elsewhere: string[];
  /** A rules question (how to be recognised, how long OCOP lasts…) and the guide that answers it. */
  guide?: string;
  /** Names a place outside Hanoi ("Bắc Ninh", "Hạ Long"). */
  outsideHanoi: boolean;
  /** A name that fits several villages ("Phùng Xá"): ask which, by listing them. */
  ambiguous: boolean;
  crafts: string[];
  /** The words that named the first craft, to rank the villages whose own aliases use them. */
  craftPhrase?: string;
  facet?: Facet;
  help: boolean;
  route: boolean;
  nearby: boolean;
  products: boolean;
  /** Asks for OCOP-rated products only. */
  ocop: boolean;
  which: boolean;
  reference: boolean;
  artisan: boolean;
  /** Content words that neither name something nor cue an intent: many of them mean "not ours". */
  rest: string[];
}

interface Candidate {
  start: number;
  end: number;
  refs: EntityRef[];
  /** How many meaningful words (not "làng", "the"…) it accounts for. */
  weight: number;
  exact: boolean;
}

// Phrases that only say what kind of question it is; they name nothing.
// By first word, so that marking them costs a look-up per word.
const cuePhrases = new Map<string, string[][]>();
for (const phrase of [
  lexicon.help,
  ...Object.values(lexicon.facet),
  lexicon.products,
  lexicon.route,
  lexicon.nearby,
  lexicon.which,
  lexicon.reference,
  lexicon.artisan,
].flat()) {
  const words = phrase.split(' ');
  cuePhrases.set(words[0]!, [...(cuePhrases.get(words[0]!) ?? []), words]);
}

/** Marks the words that belong to a cue phrase where the phrase occurs whole. */
function markCues(words: string[]): boolean[] {
  const cue = new Array<boolean>(words.length).fill(false);
  words.forEach((word, i) => {
    for (const phrase of cuePhrases.get(word) ?? []) {
      if (phrase.every((w, j) => words[i + j] === w)) cue.fill(true, i, i + phrase.length);
    }
  });
  return cue;
}
const GENERIC = new Set([...stopwords, 'village', 'villages', 'lang', 'craft']);

const hasPhrase = (folded: string, phrases: string[]) => phrases.some((phrase) => ` ${folded} `.includes(` ${phrase} `));

// The lists understand() looks for a phrase of, their phrases by first word: one pass over the words finds them all.
const OCOP = ['ocop'];
const listsByFirstWord = new Map<string, Array<{ words: string[]; list: string[] }>>();
for (const list of [
  elsewherePlaces,
  ...facets.map((facet) => lexicon.facet[facet]),
  lexicon.help,
  lexicon.route,
  lexicon.nearby,
  lexicon.products,
  OCOP,
  lexicon.which,
  lexicon.reference,
  lexicon.artisan,
]) {
  for (const phrase of list) {
    const words = phrase.split(' ');
    listsByFirstWord.set(words[0]!, [...(listsByFirstWord.get(words[0]!) ?? []), { words, list }]);
  }
}

/** The lists that have a phrase the words hold whole: those hasPhrase(words.join(' '), list) is true of. */
function listsPresent(words: string[]): Set<string[]> {
  const present = new Set<string[]>();
  words.forEach((word, i) => {
    for (const { words: phrase, list } of listsByFirstWord.get(word) ?? []) {
      if (!present.has(list) && phrase.every((w, j) => words[i + j] === w)) present.add(list);
    }
  });
  return present;
}
const weightOf = (words: string[]) => words.filter((w) => !GENERIC.has(w)).length;

/** "KieuKy", "VạnPhúc" → "Kieu Ky", "Vạn Phúc": a lower-case letter followed by a capital starts a word. */
export const splitCamelCase = (text: string) =>
  // ASCII is NFC already, and its only lower- and upper-case letters are a-z and A-Z.
  NON_ASCII.test(text) ? text.normalize('NFC').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2') : text.replace(/([a-z])([A-Z])/g, '$1 $2');

/**
 * Puts back the words of village names typed as one ("battrang o dau" → "bat trang o dau"), in the folded
 * words and, when they align, in the words as written ("vạnphúc" → "vạn phúc").
 */
function splitJoinedNames(knowledge: Knowledge, folded: string[], written: string[]): { words: string[]; written: string[] } {
  if (!folded.some((word) => knowledge.joinedNames.has(word))) return { words: folded, written };
  const aligned = written.length === folded.length;
  const words: string[] = [];
  const spelt: string[] = [];
  folded.forEach((word, i) => {
    const name = knowledge.joinedNames.get(word);
    const asWritten = aligned ? written[i]! : word;
    if (!name || asWritten.length !== word.length) {
      words.push(word);
      spelt.push(asWritten);
      return;
    }
    let at = 0;
    for (const part of tokens(name)) {
      words.push(part);
      spelt.push(asWritten.slice(at, (at += part.length)));
    }
  });
  return { words, written: aligned ? spelt : written };
}

export function understand(knowledge: Knowledge, asked: string): Understanding {
  const text = splitCamelCase(asked);
  const { words, written } = splitJoinedNames(knowledge, tokens(fold(text)), tokens(plain(text)));
  const folded = words.join(' ');
  // The two spellings split alike unless an unusual letter folds to nothing.
  const asWritten = (i: number) => (written.length === words.length ? written[i]! : words[i]!);

  const cue = markCues(words);
  const candidates = [
    ...exactNames(knowledge, words, asWritten),
    ...namesWithTypo(knowledge, words, asWritten, cue),
    ...joinedNamesWithTypo(knowledge, words, cue),
  ];
  // The reading that accounts for the most meaningful words wins; exact before typo, longer before shorter.
  candidates.sort((a, b) => b.weight - a.weight || Number(b.exact) - Number(a.exact) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const used = new Array<boolean>(words.length).fill(false);
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (used.slice(candidate.start, candidate.end).some(Boolean)) continue;
    chosen.push(candidate);
    used.fill(true, candidate.start, candidate.end);
  }
  chosen.sort((a, b) => a.start - b.start);

  const found = chosen.flatMap((c) => c.refs);
  const unique = (type: EntityRef['type']) => [...new Set(found.filter((r) => r.type === type).map((r) => r.id))];
  const firstCraft = chosen.find((c) => c.refs.some((r) => r.type === 'craft'));
  const rest = words.filter((w, i) => !used[i] && !cue[i] && !stopwords.has(w) && !/^\d+$/.test(w));
  const present = listsPresent(words);
  const has = (list: string[]) => present.has(list);

  return {
    folded,
    villages: unique('village'),
    typo: chosen.some((c) => !c.exact) && !chosen.some((c) => c.exact && c.refs.some((r) => r.type === 'village')),
    elsewhere: unique('elsewhere'),
    guide: findGuide(knowledge, folded, words),
    outsideHanoi: has(elsewherePlaces),
    ambiguous: chosen.some((c) => c.refs.filter((r) => r.type === 'village').length > 1),
    crafts: unique('craft'),
    craftPhrase: firstCraft ? words.slice(firstCraft.start, firstCraft.end).join(' ') : undefined,
    facet: facets.find((facet) => has(lexicon.facet[facet])),
    help: has(lexicon.help) && found.length === 0 && rest.length === 0,
    route: has(lexicon.route),
    nearby: has(lexicon.nearby),
    products: has(lexicon.products),
    ocop: has(OCOP),
    which: has(lexicon.which),
    reference: has(lexicon.reference),
    artisan: has(lexicon.artisan),
    rest,
  };
}

/** Asks for the asker's own application ("hồ sơ của tôi", "my recognition status"). */
export const asksForOwnStatus = (text: string) => hasPhrase(fold(text), lexicon.artisan);

/**
 * The guide one of whose questions this one mostly repeats: most of its words, at least three, and most of
 * its own words too ("craft village … Hanoi" shares only the words every question here has).
 */
function findGuide(knowledge: Knowledge, folded: string, words: string[]): string | undefined {
  if (knowledge.guides.size === 0 || !someGuideRepeated(knowledge, words)) return undefined;
  const [best] = knowledge.guideIndex.search(folded, { combineWith: 'OR' });
  if (!best) return undefined;
  const terms = new Set(best.terms);
  const core = best.core as string[];
  return repeatsGuide(terms.size, best.size as number, core.filter((w) => terms.has(w)).length, core.length) ? (best.guide as string) : undefined;
}

/** `shared` of a guide question's `size` words are the asked ones, `sharedCore` of its `core` own words. */
const repeatsGuide = (shared: number, size: number, sharedCore: number, core: number) =>
  shared >= 3 && shared / size >= 0.6 && (core ? sharedCore / core : 1) >= 0.6;

/**
 * Whether any guide question passes repeatsGuide with the asked (folded) words, as the search matches them:
 * whole. When none does, the best hit cannot either: the search, the costliest step, is skipped.
 */
function someGuideRepeated(knowledge: Knowledge, words: string[]): boolean {
  const byWord = knowledge.guideQuestionsByWord;
  // Words no guide question has count for none.
  const terms = new Set(words.filter((word) => byWord.has(word)));
  if (terms.size < 3) return false;
  const questions = knowledge.guideQuestions;
  const shared = new Uint16Array(questions.length);
  const sharedCore = new Uint16Array(questions.length);
  const touched: number[] = [];
  for (const term of terms)
    for (const at of byWord.get(term)!) {
      if (shared[at]!++ === 0) touched.push(at);
      if (questions[at]!.core.has(term)) sharedCore[at]!++;
    }
  return touched.some((at) => repeatsGuide(shared[at]!, questions[at]!.size, sharedCore[at]!, questions[at]!.core.size));
}

function exactNames(knowledge: Knowledge, words: string[], asWritten: (i: number) => string): Candidate[] {
  const candidates: Candidate[] = [];
  const longest = words.map((word) => knowledge.phraseStarts.get(word) ?? 0);
  for (let n = Math.min(knowledge.longestPhrase, words.length); n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (longest[i]! < n) continue;
      const phrase = words.slice(i, i + n);
      const refs = knowledge.phrases.get(phrase.join(' '));
      if (refs) candidates.push({ start: i, end: i + n, refs, weight: Math.max(1, weightOf(phrase)), exact: true });
    }
  }
  words.forEach((word, i) => {
    // A word typed with diacritics is read as written ("giờ" is not "giò"); one without, as folded,
    // unless it is also a common word and nothing around it says it is a craft or a village.
    const spelt = asWritten(i);
    let refs = spelt !== word ? knowledge.accentedWords.get(spelt) : knowledge.plainWords.get(word);
    const inContext = craftContextBefore.has(words[i - 1] ?? '') || craftContextAfter.has(words[i + 1] ?? '') || craftContextAfter.has(words[i + 2] ?? '');
    if (!refs && spelt === word && ambiguousUnaccented.has(word) && inContext) {
      refs = knowledge.ambiguousWords.get(word);
    }
    if (refs) candidates.push({ start: i, end: i + 1, refs, weight: 1, exact: true });
  });
  return candidates;
}

/**
 * Village names typed with a mistake ("bat trnag", "Son Dogn"): for each word that is not a word of our
 * names, MiniSearch's fuzzy search over those words proposes corrections; a correction counts only when
 * the corrected window is a whole village name, one word misspelt (one edit, or two in a long word, a swap
 * of two letters counting as one) with the same first letter, and at least one word exact.
 */
/** Words of our village names that `word` may be a misspelling of. */
function proposeCorrections(knowledge: Knowledge, word: string): string[] {
  const limit = word.length >= 6 ? 2 : 1;
  // One edit through MiniSearch; a swap of two letters (two edits to it) looked up directly, which is
  // far cheaper than a two-edit fuzzy search; two edits only for long words.
  const vocabulary = knowledge.villageNameWords;
  const swaps = [...word]
    .slice(1)
    .map((_, j) => word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2))
    .filter((w) => vocabulary.has(w));
  const fuzzy = knowledge.vocabularySearch.search(word, { fuzzy: limit }).map((hit) => hit.id as string);
  return [...new Set([...swaps, ...fuzzy])].filter((fix) => fix !== word && fix[0] === word[0] && osaDistance(fix, word) <= limit);
}

function namesWithTypo(knowledge: Knowledge, words: string[], asWritten: (i: number) => string, cue: boolean[]): Candidate[] {
  const candidates: Candidate[] = [];
  const vocabulary = knowledge.villageNameWords;
  // Ordinary words ("đâu", "qua") are not misspelt names. A word of our names may still be a typo of
  // another ("banh" for "bang"), but that is looked for only when the question is nothing but the name.
  const wholeQuestionIsName = words.length >= 2 && words.length <= 4;
  const corrections = words.map((word, i) =>
    word.length < 3 || cue[i] || stopwords.has(word) || (vocabulary.has(word) && !wholeQuestionIsName) ? [] : knowledge.correctionsOf(word, proposeCorrections),
  );
  words.forEach((_, i) => {
    for (const fix of corrections[i]!) {
      const slots = knowledge.phraseSlots.get(fix) ?? 0;
      for (let n = 2; n <= 4; n++) {
        for (let start = Math.max(0, i - n + 1); start <= i && start + n <= words.length; start++) {
          // No name of n words has the fix where the window puts it: the window cannot be one.
          if (!(slots & phraseSlot(n, i - start))) continue;
          const window = words.slice(start, start + n);
          window[i - start] = fix;
          const refs = knowledge.phrases.get(window.join(' '))?.filter((r) => r.type === 'village');
          if (!refs?.length) continue;
          const exact = window.filter((_, j) => start + j !== i);
          // Typed with diacritics, an exact word must also carry the name's ("nấu" is not "Nậu").
          const written = tokens(knowledge.villageKey(window.join(' '))?.plain ?? '');
          const accentsDiffer =
            written.length === n && window.some((w, j) => start + j !== i && asWritten(start + j) !== w && asWritten(start + j) !== written[j]);
          // Names of common words ("Nội Thôn", "Hạ Thái") need the whole question to be the name, or a
          // "làng"/"village" beside them.
          const besideVillageWord =
            ['lang', 'village'].includes(words[start - 1] ?? '') || ['lang', 'village'].includes(words[start + n] ?? '') || window[0] === 'lang';
          const anchored = exact.some((w) => !GENERIC.has(w)) || n === words.length || besideVillageWord;
          if (accentsDiffer || !anchored) continue;
          candidates.push({ start, end: start + n, refs, weight: Math.max(1, weightOf(window)), exact: false });
        }
      }
    }
  });
  return candidates;
}

/** A village name typed as one word with one mistake ("Batrang", "vanphc"): read as the name. */
function joinedNamesWithTypo(knowledge: Knowledge, words: string[], cue: boolean[]): Candidate[] {
  const candidates: Candidate[] = [];
  words.forEach((word, i) => {
    if (cue[i] || stopwords.has(word) || knowledge.villageNameWords.has(word) || knowledge.plainWords.has(word) || knowledge.accentedWords.has(word)) return;
    for (const fix of knowledge.joinedNameTypos(word, osaDistance)) {
      const name = knowledge.joinedNames.get(fix)!;
      const refs = knowledge.phrases.get(name)?.filter((r) => r.type === 'village');
      if (refs?.length) candidates.push({ start: i, end: i + 1, refs, weight: Math.max(1, weightOf(tokens(name))), exact: false });
    }
  });
  return candidates;
}
