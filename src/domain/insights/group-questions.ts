// Unanswered questions grouped by similar wording, so that staff teach the bot once per question rather than
// once per spelling: typos and word order do not split a group, different questions do not merge.
import { createHash } from 'node:crypto';
import { osaDistance } from '../../ask/edit-distance.js';

export interface AskedQuestion {
  /** As the engine reads it: lower-case ASCII, words split by one space (ask/normalize.ts fold). */
  folded: string;
  /** As the visitor wrote it. */
  text: string;
  askedAt: Date;
}

export interface QuestionGroup {
  /** Stable across calls: a hash of the group's representative folded text. */
  id: string;
  count: number;
  /** Up to MAX_EXAMPLES distinct texts as written, the most frequent first. */
  examples: string[];
  /** The representative wording (the group's most asked), folded and as most often written: what staff teach. */
  folded: string;
  text: string;
  firstSeen: Date;
  lastSeen: Date;
}

export const MAX_EXAMPLES = 5;
/** Share of matched words (Dice over the two word sets) from which two questions are one. */
export const SIMILARITY_THRESHOLD = 0.8;

/** Edits allowed between two words for them to count as the same word misspelt: none for short words
 * ("dau" and "sau" are different words), one for most, two for long ones. */
const allowedEdits = (a: string, b: string) => {
  const longest = Math.max(a.length, b.length);
  return longest <= 3 ? 0 : longest <= 7 ? 1 : 2;
};

/** The folded text's words, each once, sorted: word order does not matter. */
export const wordSet = (folded: string): string[] => [...new Set(folded.split(/\s+/).filter(Boolean))].sort();

/** Compares words, remembering pairs already measured (a period's questions share few distinct words). */
function createWordMatcher() {
  const known = new Map<string, boolean>();
  return (a: string, b: string): boolean => {
    if (a === b) return true;
    const allowed = allowedEdits(a, b);
    if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let same = known.get(key);
    if (same === undefined) known.set(key, (same = osaDistance(a, b) <= allowed));
    return same;
  };
}

type WordMatcher = ReturnType<typeof createWordMatcher>;

/** Dice similarity of two word sets, each word matched at most once: exact matches first, then misspellings. */
export function similarity(a: string[], b: string[], sameWord: WordMatcher = createWordMatcher()): number {
  if (!a.length || !b.length) return a.length === b.length ? 1 : 0;
  const unmatchedA: string[] = [];
  const rest = new Set(b);
  let matched = 0;
  for (const word of a) {
    if (rest.delete(word)) matched++;
    else unmatchedA.push(word);
  }
  for (const word of unmatchedA) {
    for (const other of rest) {
      if (sameWord(word, other)) {
        rest.delete(other);
        matched++;
        break;
      }
    }
  }
  return (2 * matched) / (a.length + b.length);
}

export const groupId = (folded: string) => createHash('sha256').update(folded).digest('hex').slice(0, 16);

interface Wording {
  folded: string;
  words: string[];
  questions: AskedQuestion[];
}

/** Edits a word may take part in (see allowedEdits: a 3-letter word may pair with a 4-letter one, a 6-letter
 * with an 8-letter one). */
const reachOf = (word: string) => (word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2);

/** The word with up to `edits` letters deleted: two words within k edits share one of these (symmetric delete),
 * so only groups sharing a key with a question are compared with it. */
function deletionKeys(word: string, edits = reachOf(word)): Set<string> {
  let level = new Set([word]);
  const keys = new Set(level);
  for (let e = 0; e < edits; e++) {
    const next = new Set<string>();
    for (const w of level) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    for (const k of next) keys.add(k);
    level = next;
  }
  return keys;
}

/** Greedy clustering: the most asked wordings first, each joining the group whose representative it is most
 * like (at least SIMILARITY_THRESHOLD) or starting its own. Sorted by count, most asked first. */
export function groupQuestions(questions: AskedQuestion[]): QuestionGroup[] {
  const byFolded = new Map<string, Wording>();
  for (const question of questions) {
    const folded = question.folded.trim().replace(/\s+/g, ' ');
    if (!folded) continue;
    const wording = byFolded.get(folded) ?? { folded, words: wordSet(folded), questions: [] };
    wording.questions.push(question);
    byFolded.set(folded, wording);
  }
  // Most asked first, ties by text: the same input always gives the same groups and representatives.
  const wordings = [...byFolded.values()].sort((a, b) => b.questions.length - a.questions.length || (a.folded < b.folded ? -1 : 1));

  const sameWord = createWordMatcher();
  const keysOf = new Map<string, Set<string>>();
  const keys = (word: string) => keysOf.get(word) ?? keysOf.set(word, deletionKeys(word)).get(word)!;
  interface Group {
    order: number;
    representative: Wording;
    members: Wording[];
  }
  const groups: Group[] = [];
  // Deletion key → the groups whose representative has a word with that key.
  const index = new Map<string, Group[]>();
  for (const wording of wordings) {
    // How many of this question's words may match each group's: an upper bound of the words matched.
    const hits = new Map<Group, number>();
    for (const word of wording.words) {
      const reached = new Set<Group>();
      for (const key of keys(word)) for (const group of index.get(key) ?? []) reached.add(group);
      for (const group of reached) hits.set(group, (hits.get(group) ?? 0) + 1);
    }
    // The most similar group; between equals, the older one.
    let best: Group | undefined;
    let bestScore = SIMILARITY_THRESHOLD;
    const better = (score: number, group: Group) => score > bestScore || (score === bestScore && (!best || group.order < best.order));
    for (const [group, most] of hits) {
      if (!better((2 * most) / (wording.words.length + group.representative.words.length), group)) continue;
      const score = similarity(wording.words, group.representative.words, sameWord);
      if (better(score, group)) {
        best = group;
        bestScore = score;
      }
    }
    if (best) {
      best.members.push(wording);
      continue;
    }
    const group = { order: groups.length, representative: wording, members: [wording] };
    groups.push(group);
    for (const word of wording.words) {
      for (const key of keys(word)) {
        const list = index.get(key);
        if (list) list.push(group);
        else index.set(key, [group]);
      }
    }
  }

  return groups
    .map(({ representative, members }) => {
      const all = members.flatMap((m) => m.questions);
      const texts = new Map<string, number>();
      for (const q of all) {
        const text = q.text.trim();
        if (text) texts.set(text, (texts.get(text) ?? 0) + 1);
      }
      const times = all.map((q) => q.askedAt.getTime());
      const written = new Map<string, number>();
      for (const q of representative.questions) written.set(q.text.trim(), (written.get(q.text.trim()) ?? 0) + 1);
      return {
        id: groupId(representative.folded),
        count: all.length,
        // Most frequent first; Map keeps first-seen order among equals.
        examples: [...texts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, MAX_EXAMPLES)
          .map(([text]) => text),
        folded: representative.folded,
        text: [...written].sort((a, b) => b[1] - a[1])[0]?.[0] || representative.folded,
        firstSeen: new Date(Math.min(...times)),
        lastSeen: new Date(Math.max(...times)),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime() || (a.id < b.id ? -1 : 1));
}
