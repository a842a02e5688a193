// Learned phrasings in the engine (exactly, in any order, with filler words or a typo) and in the handbook
// files (content/learned.yaml: loaded, checked with file and line, written back by content:learned).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AskEngine } from '../../src/ask/engine.js';
import { Knowledge } from '../../src/ask/knowledge.js';
import { ContentError, loadHandbook } from '../../src/content/load.js';
import { learnedYaml, mergeLearned, writeLearnedFile } from '../../src/content/learned-file.js';
import { Messages } from '../../src/i18n/messages.js';

const handbook = loadHandbook('content');
const messages = new Messages('content/locales');
const NICKNAME = 'xóm lụa bà Chúa';

function contentWith(learned: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-learned-'));
  cpSync('content', dir, { recursive: true });
  writeFileSync(join(dir, 'learned.yaml'), learned);
  return dir;
}

describe('the engine with learned phrasings', () => {
  const engine = new AskEngine(new Knowledge(handbook), messages);
  const ask = (text: string) => engine.ask({ text }).answer;

  it('answers a taught nickname with its village, as written, folded, reordered, with filler words or a typo', () => {
    expect(ask(NICKNAME).intent).toBe('unknown');
    engine.setLearned([{ text: NICKNAME, target: { type: 'village', id: 'van-phuc' } }]);
    for (const variant of [NICKNAME, 'xom lua ba chua', 'XOM LUA BA CHUA!', 'bà chúa xóm lụa', 'xóm lụa bà chúa ở đâu', 'xom lua ba chau']) {
      const answer = ask(variant);
      expect(answer.intent, variant).toBe('village');
      expect(answer.items[0]?.id, variant).toBe('van-phuc');
    }
    // A short word is read only as written; a question that is something else is left alone.
    expect(ask('xom lau ba chua').intent).toBe('unknown');
    expect(ask('bat trang').items[0]?.id).toBe('bat-trang');
    // The conversation is about the taught village afterwards.
    expect(engine.ask({ text: NICKNAME }).context.lastVillageId).toBe('van-phuc');
    engine.setLearned([]);
    expect(ask(NICKNAME).intent).toBe('unknown');
  });

  it('answers crafts, products, routes and intents; a typo never overrides what the engine understands', () => {
    engine.setLearned([
      { text: 'đồ thủ công bằng lụa', target: { type: 'craft', id: 'silk' } },
      { text: 'áo phông vải vụn', target: { type: 'product', id: 'van-phuc-vun-art-silk-patchwork-tshirt' } },
      { text: 'tour phía tây', target: { type: 'route', id: 'craft-tourism-pilot-2012-west' } },
      { text: 'vé máy bay giá rẻ', target: { intent: 'help' } },
      { text: 'bat trang', target: { type: 'village', id: 'van-phuc' } },
      { text: 'van phuk', target: { type: 'village', id: 'bat-trang' } },
    ]);
    expect(ask('do thu cong bang lua')).toMatchObject({ intent: 'villages' });
    expect(ask('do thu cong bang lua').items.map((i) => i.id)).toContain('van-phuc');
    expect(ask('áo phông vải vụn')).toMatchObject({ intent: 'product', items: [{ type: 'product', id: 'van-phuc-vun-art-silk-patchwork-tshirt' }] });
    expect(ask('tour phia tay')).toMatchObject({ intent: 'route', items: [{ type: 'route', id: 'craft-tourism-pilot-2012-west' }] });
    expect(ask('ve may bay gia re')).toMatchObject({ intent: 'help', text: messages.t('vi', 'ask-help') });
    // Taught exactly, staff's word wins; a near miss of a taught phrasing does not beat a name the engine reads.
    expect(ask('bat trang').items[0]?.id).toBe('van-phuc');
    expect(ask('van phuc').items[0]?.id).toBe('van-phuc');
    engine.setLearned([]);
  });

  it('ignores a phrasing whose entry is no longer in the handbook', () => {
    engine.setLearned([{ text: NICKNAME, target: { type: 'village', id: 'no-such-village' } }]);
    expect(ask(NICKNAME).intent).toBe('unknown');
    engine.setLearned([]);
  });
});

describe('content/learned.yaml', () => {
  it('is optional, and when present the engine answers its phrasings as part of the handbook', () => {
    expect(handbook.learned).toEqual([]);
    const dir = contentWith(
      learnedYaml([
        { text: NICKNAME, target: { type: 'village', id: 'van-phuc' } },
        { text: 'vé máy bay', target: { intent: 'help' } },
      ]),
    );
    const withLearned = loadHandbook(dir);
    expect(withLearned.learned).toHaveLength(2);
    const engine = new AskEngine(new Knowledge(withLearned), messages);
    expect(engine.ask({ text: 'xom lua ba chua' }).answer.items[0]?.id).toBe('van-phuc');
    expect(engine.ask({ text: 've may bay' }).answer.intent).toBe('help');
    // Those taught in the console go beside the file's; the file's stay when the console's are replaced.
    engine.setLearned([{ text: 'làng lụa cổ', target: { type: 'village', id: 'van-phuc' } }]);
    engine.setLearned([]);
    expect(engine.ask({ text: 'xom lua ba chua' }).answer.items[0]?.id).toBe('van-phuc');
  });

  it('names the file and line of an unknown id, a bad target and a repeated phrasing', () => {
    const dir = contentWith(
      [
        '- text: xóm lụa bà Chúa',
        '  target: { type: village, id: van-phuc }',
        '- text: làng gốm cổ',
        '  target: { type: village, id: no-such-village }',
        '- text: vé máy bay',
        '  target: { intent: weather }',
        '- text: Xom lua ba chua',
        '  target: { type: craft, id: silk }',
        '',
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadHandbook(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'learned.yaml:4: unknown village "no-such-village"',
        expect.stringMatching(/^learned\.yaml:6: 2\.target\.intent: intent is one of help/),
        'learned.yaml:7: the same phrasing as line 1',
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('is written back with the taught phrasings merged in, and read again by the loader', () => {
    const dir = contentWith(learnedYaml([{ text: 'vé máy bay', target: { intent: 'help' } }]));
    const path = join(dir, 'learned.yaml');
    const result = writeLearnedFile(path, [
      { text: 'Vé máy bay', target: { intent: 'out-of-scope' } },
      { text: NICKNAME, target: { type: 'village', id: 'van-phuc' } },
    ]);
    expect(result).toEqual({ total: 2, added: 1, changed: 1 });
    expect(readFileSync(path, 'utf8')).toMatch(/^# Phrasings staff taught the bot/);
    expect(loadHandbook(dir).learned).toEqual([
      { text: 'Vé máy bay', target: { intent: 'out-of-scope' } },
      { text: NICKNAME, target: { type: 'village', id: 'van-phuc' } },
    ]);
    expect(mergeLearned([], []).entries).toEqual([]);
    expect(loadHandbook(contentWith(learnedYaml([]))).learned).toEqual([]);
  });
});
