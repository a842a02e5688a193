// Phrasings staff taught the bot ("làng gốm cổ" → Bát Tràng): found by the question's folded words, exactly
// (in any order) or, for a question the engine cannot place, with its filler words ("ở đâu", "where is")
// left aside and a typo or two (edit-distance.ts).
import type { LearnedEntry, LearnedTarget } from '../content/schema.js';
import { osaDistance } from './edit-distance.js';
import { fold, tokens } from './normalize.js';
import { stopwords } from './lexicon.js';

export type { LearnedEntry, LearnedTarget };

interface Phrase {
  /** Its words without the filler ones; all of them when that would leave fewer than two. */
  core: string[];
  target: LearnedTarget;
}

const coreOf = (words: string[]) => {
  const core = words.filter((w) => !stopwords.has(w));
  return core.length >= 2 || core.length === words.length ? core : undefined;
};

const sortedKey = (words: string[]) => [...words].sort().join(' ');
// A word this short is read only as written: "ha" and "hai" are different places.
const MIN_TYPO_LENGTH = 4;
const allowedEdits = (word: string) => (word.length < MIN_TYPO_LENGTH ? 0 : word.length >= 7 ? 2 : 1);

export class LearnedIndex {
  private readonly exactly = new Map<string, LearnedTarget>();
  private readonly anyOrder = new Map<string, LearnedTarget>();
  private readonly byCore = new Map<string, LearnedTarget>();
  /** Phrasings of one word, and the others by each of their words: a near miss of two words or more shares one exactly. */
  private readonly oneWord: Phrase[] = [];
  private readonly byWord = new Map<string, Phrase[]>();

  /** Later phrasings win over earlier ones with the same words (the database's over the handbook's). */
  constructor(phrasings: Iterable<LearnedEntry>) {
    const byText = new Map<string, { words: string[]; target: LearnedTarget }>();
    for (const { text, target } of phrasings) {
      const words = tokens(fold(text));
      if (words.length) byText.set(words.join(' '), { words, target });
    }
    for (const [folded, { words, target }] of byText) {
      this.exactly.set(folded, target);
      this.anyOrder.set(sortedKey(words), target);
      const core = coreOf(words);
      if (!core) continue;
      this.byCore.set(sortedKey(core), target);
      const phrase = { core, target };
      if (core.length === 1) this.oneWord.push(phrase);
      else for (const word of new Set(core)) this.byWord.set(word, [...(this.byWord.get(word) ?? []), phrase]);
    }
  }

  get size(): number {
    return this.exactly.size;
  }

  /** The phrasing the question is, after folding: the same words, in this order or another. */
  exact(question: string): LearnedTarget | undefined {
    if (this.exactly.size === 0) return undefined;
    const words = tokens(fold(question));
    return this.exactly.get(words.join(' ')) ?? this.anyOrder.get(sortedKey(words));
  }

  /**
   * The phrasing the question nearly is, filler words aside: the same words, or as many, each paired with one
   * of the question's, a third of them (at least one) misspelt by an edit (two in a long word). The closest wins.
   */
  close(question: string): LearnedTarget | undefined {
    const words = tokens(fold(question)).filter((w) => !stopwords.has(w));
    const same = this.byCore.get(sortedKey(words));
    if (same) return same;
    if (words.length === 0 || words.length > 12) return undefined;
    const misspeltAllowed = Math.max(1, Math.floor(words.length / 3));
    let candidates: Iterable<Phrase> = this.oneWord;
    if (words.length > 1) {
      // Only phrasings that share enough of the question's words exactly are worth pairing word by word.
      const shared = new Map<Phrase, number>();
      for (const word of new Set(words))
        for (const p of this.byWord.get(word) ?? []) if (p.core.length === words.length) shared.set(p, (shared.get(p) ?? 0) + 1);
      candidates = [...shared].filter(([, count]) => count >= words.length - misspeltAllowed).map(([p]) => p);
    }
    let best: { target: LearnedTarget; edits: number } | undefined;
    for (const phrase of candidates) {
      const edits = pairWords(phrase.core, words, misspeltAllowed);
      if (edits !== undefined && edits > 0 && (!best || edits < best.edits)) best = { target: phrase.target, edits };
    }
    return best?.target;
  }
}

/** Total edits pairing every learned word with a distinct asked word (exact pairs first), or undefined. */
function pairWords(learned: string[], asked: string[], misspeltAllowed: number): number | undefined {
  const free = [...asked];
  const unmatched: string[] = [];
  for (const word of learned) {
    const at = free.indexOf(word);
    if (at >= 0) free.splice(at, 1);
    else unmatched.push(word);
  }
  if (unmatched.length > misspeltAllowed) return undefined;
  let edits = 0;
  for (const word of unmatched) {
    const limit = allowedEdits(word);
    let bestAt = -1;
    let bestDistance = limit + 1;
    free.forEach((candidate, i) => {
      if (limit === 0 || candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > limit) return;
      const distance = osaDistance(candidate, word);
      if (distance < bestDistance) [bestAt, bestDistance] = [i, distance];
    });
    if (bestAt < 0) return undefined;
    free.splice(bestAt, 1);
    edits += bestDistance;
  }
  return edits;
}
