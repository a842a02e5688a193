// What a question is about: the villages and crafts it names (exactly, or with a typo), and the cues
// that tell the intent (help, route, nearby, products, which villages, a village detail, a follow-up).
import { ambiguousUnaccented, craftContextAfter, craftContextBefore, elsewherePlaces, facets, lexicon, stopwords, type Facet } from './lexicon.js';
import type { EntityRef, Knowledge } from './knowledge.js';
import { fold, plain, tokens } from './normalize.js';
import { osaDistance } from './edit-distance.js';

export interface Understanding {
  folded: string;
  villages: string[];
  /** The village was recognised through a typo only: a remembered village may be meant instead. */
  typo: boolean;
  /** A village of another province that people look for in Hanoi. */
  elsewhere: string[];
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
const cuePhrases = [lexicon.help, ...Object.values(lexicon.facet), lexicon.products, lexicon.route, lexicon.nearby, lexicon.which, lexicon.reference, lexicon.artisan]
  .flat()
  .map((phrase) => phrase.split(' '));

/** Marks the words that belong to a cue phrase where the phrase occurs whole. */
function markCues(words: string[]): boolean[] {
  const cue = new Array<boolean>(words.length).fill(false);
  for (const phrase of cuePhrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((w, j) => words[i + j] === w)) cue.fill(true, i, i + phrase.length);
    }
  }
  return cue;
}
const GENERIC = new Set([...stopwords, 'village', 'villages', 'lang', 'craft']);

const hasPhrase = (folded: string, phrases: string[]) => phrases.some((phrase) => ` ${folded} `.includes(` ${phrase} `));
const weightOf = (words: string[]) => words.filter((w) => !GENERIC.has(w)).length;

export function understand(knowledge: Knowledge, text: string): Understanding {
  const folded = fold(text);
  const words = tokens(folded);
  const written = tokens(plain(text));
  // The two spellings split alike unless an unusual letter folds to nothing.
  const asWritten = (i: number) => (written.length === words.length ? written[i]! : words[i]!);

  const cue = markCues(words);
  const candidates = [...exactNames(knowledge, words, asWritten), ...namesWithTypo(knowledge, words, asWritten, cue)];
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

  return {
    folded,
    villages: unique('village'),
    typo: chosen.some((c) => !c.exact) && !chosen.some((c) => c.exact && c.refs.some((r) => r.type === 'village')),
    elsewhere: unique('elsewhere'),
    outsideHanoi: hasPhrase(folded, elsewherePlaces),
    ambiguous: chosen.some((c) => c.refs.filter((r) => r.type === 'village').length > 1),
    crafts: unique('craft'),
    craftPhrase: firstCraft ? words.slice(firstCraft.start, firstCraft.end).join(' ') : undefined,
    facet: facets.find((facet) => hasPhrase(folded, lexicon.facet[facet])),
    help: hasPhrase(folded, lexicon.help) && found.length === 0 && rest.length === 0,
    route: hasPhrase(folded, lexicon.route),
    nearby: hasPhrase(folded, lexicon.nearby),
    products: hasPhrase(folded, lexicon.products),
    which: hasPhrase(folded, lexicon.which),
    reference: hasPhrase(folded, lexicon.reference),
    artisan: hasPhrase(folded, lexicon.artisan),
    rest,
  };
}

function exactNames(knowledge: Knowledge, words: string[], asWritten: (i: number) => string): Candidate[] {
  const candidates: Candidate[] = [];
  for (let n = Math.min(knowledge.longestPhrase, words.length); n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
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
 * Village names typed with a mistake ("bat trnag", "Son Dogn"): MiniSearch finds names near a window of
 * the question; a window counts only when it lines up with every word of the name, one word at most is
 * misspelt (one edit, or two in a long word, a swap of two letters counting as one) with the same first
 * letter, and at least one word is exact.
 */
function namesWithTypo(knowledge: Knowledge, words: string[], asWritten: (i: number) => string, cue: boolean[]): Candidate[] {
  const candidates: Candidate[] = [];
  const vocabulary = knowledge.villageNameWords;
  for (let n = 2; n <= Math.min(4, words.length); n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const window = words.slice(i, i + n);
      // Nothing to anchor a correction on, or already a name as typed; a typo that makes another word of
      // our names ("banh" for "bang") is looked for only when the question is nothing but the name.
      const known = window.filter((w) => vocabulary.has(w)).length;
      // Ordinary words ("đâu", "qua") are not misspelt names.
      const suspects = window.filter((w, j) => !vocabulary.has(w) && w.length >= 3 && !stopwords.has(w) && !cue[i + j]).length;
      if (known === 0 || (suspects === 0 && n !== words.length) || knowledge.phrases.has(window.join(' '))) continue;
      // A word of our names may still be a typo of another ("banh" for "bang"), but by one letter only.
      const fuzzy = (term: string) => (term.length < 3 ? 0 : vocabulary.has(term) ? (term.length >= 4 ? 1 : 0) : 2);
      const results = knowledge.villageNames.search(window.join(' '), { fuzzy, combineWith: 'AND' });
      for (const result of results.slice(0, 50)) {
        const name = tokens(result.text as string);
        const namePlain = tokens(result.plain as string);
        if (name.length !== n) continue;
        let misspelt = 0;
        let exactMeaningful = 0;
        let fits = true;
        for (let j = 0; j < n && fits; j++) {
          const [want, got] = [name[j]!, window[j]!];
          if (want === got) {
            // Typed with diacritics, an exact word must also carry the name's ("nấu" is not "Nậu").
            const spelt = asWritten(i + j);
            if (spelt !== got && namePlain.length === n && namePlain[j] !== spelt) fits = false;
            if (!GENERIC.has(want)) exactMeaningful++;
            continue;
          }
          misspelt++;
          fits = want[0] === got[0] && got.length >= 3 && osaDistance(want, got) <= (want.length >= 6 ? 2 : 1);
        }
        // Names of common words ("Nội Thôn", "Hạ Thái") need the whole question to be the name, or a
        // "làng"/"village" beside them.
        const besideVillageWord = ['lang', 'village'].includes(words[i - 1] ?? '') || ['lang', 'village'].includes(words[i + n] ?? '') || window[0] === 'lang';
        const anchored = exactMeaningful > 0 || n === words.length || besideVillageWord;
        if (fits && misspelt === 1 && anchored) {
          candidates.push({ start: i, end: i + n, refs: [result.ref as EntityRef], weight: Math.max(1, weightOf(name)), exact: false });
        }
      }
    }
  }
  return candidates;
}
