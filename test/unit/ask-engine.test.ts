import { describe, expect, it } from 'vitest';
import { AskEngine } from '../../src/ask/engine.js';
import { detectLanguage, fold } from '../../src/ask/normalize.js';
import { loadHandbook } from '../../src/content/load.js';

const engine = new AskEngine(loadHandbook('content').villages);

describe('Vietnamese folding and language', () => {
  it('folds diacritics, đ and punctuation', () => {
    expect(fold('Bát Tràng ở đâu?')).toBe('bat trang o dau');
    expect(fold('Đường đến làng Vạn Phúc!')).toBe('duong den lang van phuc');
  });

  it('tells Vietnamese from English, with or without diacritics', () => {
    expect(detectLanguage('Bát Tràng ở đâu?')).toBe('vi');
    expect(detectLanguage('lang gom bat trang')).toBe('vi');
    expect(detectLanguage('where is Bat Trang')).toBe('en');
  });
});

describe('ask engine (skeleton)', () => {
  it.each([
    ['Bát Tràng ở đâu?', 'bat-trang'],
    ['lang gom bat trang', 'bat-trang'],
    ['where is Bat Trang', 'bat-trang'],
    ['Van Phuc silk village', 'van-phuc'],
    ['làng nón Chuông', 'chuong'],
  ])('"%s" → %s', (text, id) => {
    const answer = engine.ask({ text });
    expect(answer.intent).toBe('village');
    expect(answer.items[0]?.id).toBe(id);
  });

  it('says so, and names no village, when the handbook has no answer', () => {
    const answer = engine.ask({ text: 'who won the match yesterday' });
    expect(answer.intent).toBe('unknown');
    expect(answer.items).toEqual([]);
  });

  it('greets and helps', () => {
    expect(engine.ask({ text: 'xin chào' })).toMatchObject({ intent: 'help', lang: 'vi' });
    expect(engine.ask({ text: 'help' })).toMatchObject({ intent: 'help', lang: 'en' });
  });
});
