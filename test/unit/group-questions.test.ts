// Unanswered questions grouped by similar wording: misspellings and word order keep one question in one group;
// different questions stay apart; the group's id, counts, examples and times are what staff read.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/ask/normalize.js';
import { groupQuestions, groupId, similarity, wordSet, MAX_EXAMPLES, type AskedQuestion } from '../../src/domain/insights/group-questions.js';

let minute = 0;
const asked = (text: string, at?: string): AskedQuestion => ({
  text,
  folded: fold(text),
  askedAt: at ? new Date(at) : new Date(Date.UTC(2026, 11, 1, 8, minute++)),
});

const FIVE_MISSPELT = [
  'Làng gốm Bát Tràng mở cửa mấy giờ?',
  'lang gom bat trang mo cua may gio',
  'lang gom bat trnag mo cua may gio', // swapped letters
  'Mấy giờ làng gốm Bát Tràng mở cửa', // another word order
  'lang gomm bat trang mo cua mayy gio', // doubled letters
];

describe('groupQuestions', () => {
  it('puts five misspelt variants of one question in one group of five', () => {
    const groups = groupQuestions(FIVE_MISSPELT.map((t) => asked(t)));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.count).toBe(5);
    expect(new Set(groups[0]!.examples)).toEqual(new Set(FIVE_MISSPELT));
  });

  it('keeps unrelated questions apart, even when they share words', () => {
    const questions = [
      ...FIVE_MISSPELT,
      'Làng lụa Vạn Phúc ở đâu?',
      'lang lua van phuc o dau',
      'Bát Tràng có bán vé tham quan không?',
      'giá vé máy bay đi Đà Nẵng',
      'how much is a taxi to the airport',
      'where can I buy silk in Van Phuc',
      'gom bat trang', // the name alone is not the opening-hours question
    ].map((t) => asked(t));
    const groups = groupQuestions(questions);
    const sizes = groups.map((g) => g.count);
    expect(sizes).toEqual([5, 2, 1, 1, 1, 1, 1]);
    const hours = groups[0]!;
    expect(hours.examples).not.toContain('gom bat trang');
    expect(groups[1]!.examples.sort()).toEqual(['Làng lụa Vạn Phúc ở đâu?', 'lang lua van phuc o dau']);
  });

  it('does not take short words one letter apart for the same word', () => {
    // "dau" (where) and "sau" (after) are different words: a three-letter word must match exactly.
    expect(similarity(wordSet('bat trang o dau'), wordSet('bat trang o sau'))).toBe(0.75);
    expect(groupQuestions([asked('bat trang o dau'), asked('bat trang o sau')]).map((g) => g.count)).toEqual([1, 1]);
    // A missing word does not split a question either.
    expect(groupQuestions([asked('lang gom bat trang o dau'), asked('bat trang o dau')]).map((g) => g.count)).toEqual([2]);
  });

  it('gives each group a stable id, its first and last time, and the most frequent texts as examples', () => {
    const questions = [
      asked('lang gom o dau', '2026-12-03T10:00:00Z'),
      asked('Làng gốm ở đâu?', '2026-12-01T02:00:00Z'),
      asked('Làng gốm ở đâu?', '2026-12-02T02:00:00Z'),
      asked('o dau lang gom', '2026-12-04T09:30:00Z'),
    ];
    const [group] = groupQuestions(questions);
    expect(group).toMatchObject({ count: 4, firstSeen: new Date('2026-12-01T02:00:00Z'), lastSeen: new Date('2026-12-04T09:30:00Z') });
    expect(group!.examples[0]).toBe('Làng gốm ở đâu?');
    expect(group!.examples).toHaveLength(3);
    // The representative is the most asked wording; the id is its hash, the same for the same questions in any order.
    expect(group!.id).toBe(groupId('lang gom o dau'));
    expect(groupQuestions([...questions].reverse())[0]!.id).toBe(group!.id);
    expect(group!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it(`keeps at most ${MAX_EXAMPLES} distinct examples`, () => {
    const texts = [
      'lang gom bat trang',
      'Làng gốm Bát Tràng',
      'lang gom bat trang!',
      'LANG GOM BAT TRANG',
      'làng gốm bát tràng',
      'Lang Gom Bat Trang',
      'lang gom bat tran',
    ];
    const [group] = groupQuestions(texts.map((t) => asked(t)));
    expect(group!.count).toBe(texts.length);
    expect(group!.examples).toHaveLength(MAX_EXAMPLES);
    expect(new Set(group!.examples).size).toBe(MAX_EXAMPLES);
  });

  it('sorts groups by count, most asked first', () => {
    const groups = groupQuestions(['a b c d', 'lang gom', 'lang gom', 'dong ho', 'dong ho', 'dong ho'].map((t) => asked(t)));
    expect(groups.map((g) => g.count)).toEqual([3, 2, 1]);
  });

  it('groups a busy month of 5,000 unanswered questions in well under two seconds', () => {
    // 700 questions over a 1,500-word vocabulary where a few words are very common (like "o", "dau", "lang"),
    // asked again and again, some with two letters swapped or the words reversed.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const letters = 'abcdeghiklmnopqrstuvxy';
    const vocabulary = Array.from({ length: 1500 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => letters[Math.floor(random() * 22)]).join(''),
    );
    const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
    const questions = Array.from({ length: 700 }, () => Array.from({ length: 3 + Math.floor(random() * 6) }, word));
    const swap = (w: string) => (w.length > 3 ? w.charAt(0) + w.charAt(2) + w.charAt(1) + w.slice(3) : w);
    const asks = Array.from({ length: 5000 }, () => {
      const words = questions[Math.floor(questions.length * random() ** 2)]!.map((w) => (random() < 0.1 ? swap(w) : w));
      if (random() < 0.3) words.reverse();
      return asked(words.join(' '));
    });
    const started = performance.now();
    const groups = groupQuestions(asks);
    const took = performance.now() - started;
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(5000);
    expect(groups.length).toBeLessThan(new Set(asks.map((q) => q.folded)).size);
    expect(took).toBeLessThan(1500);
  });
});

describe('similarity', () => {
  it('ignores word order and counts a misspelt word as the same word', () => {
    expect(similarity(wordSet('bat trang o dau'), wordSet('o dau bat trang'))).toBe(1);
    expect(similarity(wordSet('bat trang o dau'), wordSet('bat trnag o dau'))).toBe(1);
    expect(similarity(wordSet('bat trang o dau'), wordSet('van phuc o dau'))).toBe(0.5);
  });
});
