import { describe, expect, it } from 'vitest';
import { AskEngine, distanceKm } from '../../src/ask/engine.js';
import { Knowledge } from '../../src/ask/knowledge.js';
import { detectLanguage, fold } from '../../src/ask/normalize.js';
import { loadHandbook } from '../../src/content/load.js';
import { Messages } from '../../src/i18n/messages.js';

const handbook = loadHandbook('content');
const messages = new Messages('content/locales');
const engine = new AskEngine(new Knowledge(handbook), messages);
const ask = (text: string, location?: { lat: number; lon: number }) => engine.ask({ text, location }).answer;

describe('Vietnamese folding and language', () => {
  it('folds diacritics, đ and punctuation', () => {
    expect(fold('Bát Tràng ở đâu?')).toBe('bat trang o dau');
    expect(fold('Đường đến làng Vạn Phúc!')).toBe('duong den lang van phuc');
  });

  it('tells Vietnamese, English and other languages apart', () => {
    expect(detectLanguage('Bát Tràng ở đâu?')).toBe('vi');
    expect(detectLanguage('lang gom bat trang')).toBe('vi');
    expect(detectLanguage('where is Bat Trang')).toBe('en');
    expect(detectLanguage('Où se trouve le village de Bat Trang ?')).toBe('other');
    expect(detectLanguage('밧짱 도자기 마을은 어디에 있나요?')).toBe('other');
    expect(detectLanguage('バチャン村はどこですか')).toBe('other');
  });
});

describe('ask engine', () => {
  it('reads "giờ" (hour) and "giò" (pork roll) apart when diacritics are typed', () => {
    expect(ask('giò chả').intent).toBe('villages');
    expect(ask('mấy giờ rồi').intent).toBe('unknown');
  });

  it('lists the nearest villages first, with distances that grow', () => {
    const batTrang = handbook.villages.find((v) => v.id === 'bat-trang')!.location!;
    const answer = ask('near me', batTrang);
    expect(answer.intent).toBe('nearby');
    expect(answer.items[0]).toMatchObject({ id: 'bat-trang', distanceKm: 0 });
    const distances = answer.items.map((i) => i.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(answer.items).toHaveLength(5);
  });

  it('computes great-circle distances', () => {
    // Hoàn Kiếm Lake to Bát Tràng's museum: about 11 km as the crow flies.
    expect(distanceKm({ lat: 21.0285, lon: 105.8542 }, { lat: 20.973192, lon: 105.914124 })).toBeCloseTo(8.8, 0);
  });

  it('remembers the last village for follow-ups, and only within its conversation', () => {
    const first = engine.ask({ text: 'tell me about Kieu Ky' });
    const followUp = engine.ask({ text: 'how do I get there?' }, first.context).answer;
    expect(followUp).toMatchObject({ intent: 'village', items: [{ id: 'kieu-ky' }] });
    expect(engine.ask({ text: 'how do I get there?' }).answer.intent).toBe('unknown');
  });

  it("answers details from the village's own fields, and says when the handbook lacks one", () => {
    const chuong = handbook.villages.find((v) => v.id === 'chuong')!;
    expect(ask('Chuong market days').text).toContain(chuong.visit.hours!.en);
    const noHours = handbook.villages.find((v) => !v.visit.hours && v.id === 'dao-xa')!;
    expect(ask('Dao Xa opening hours').text).toContain(
      messages.t('en', 'village-facet-missing', { facet: messages.t('en', 'village-facet-name', { facet: 'hours' }), village: noHours.name.en }),
    );
  });

  it('says where a village outside Hanoi is, instead of offering a Hanoi one', () => {
    const answer = ask('Xuân Lai bamboo village');
    expect(answer).toMatchObject({ intent: 'unknown', items: [] });
    expect(answer.text).toContain('Bắc Ninh');
  });

  it('answers a question asked before from the handbook imported since, not from what it read then', () => {
    const withoutVanPhuc = {
      ...handbook,
      villages: handbook.villages.filter((v) => v.id !== 'van-phuc'),
      products: handbook.products.filter((p) => p.village !== 'van-phuc'),
      routes: handbook.routes.filter((r) => r.stops.every((s) => s.village !== 'van-phuc')),
    };
    const own = new AskEngine(new Knowledge(withoutVanPhuc), messages);
    const question = { text: 'Vạn Phúc ở đâu' };
    expect(own.ask(question).answer.items.map((i) => i.id)).not.toContain('van-phuc');
    expect(own.ask(question).answer).toEqual(own.ask(question).answer);
    // The import that adds the village: the same words now name it.
    own.load(new Knowledge(handbook));
    expect(own.ask(question).answer).toMatchObject({ intent: 'village', items: [{ id: 'van-phuc' }] });
  });

  it('has every message in both languages', () => {
    expect(messages.missing()).toEqual([]);
  });
});
