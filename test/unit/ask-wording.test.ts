// What a visitor reads in the engine's answers: lists that say how many entries they leave out, a commune
// said once, a distance said once, and OCOP products of one village.
import { describe, expect, it } from 'vitest';
import { AskEngine } from '../../src/ask/engine.js';
import { Knowledge } from '../../src/ask/knowledge.js';
import { addressText, listLines } from '../../src/ask/wording.js';
import { createDialogue } from '../../src/conversation/dialogue.js';
import { encodeAction } from '../../src/conversation/actions.js';
import { loadHandbook } from '../../src/content/load.js';
import { Messages } from '../../src/i18n/messages.js';
import type { Logger } from '../../src/logger.js';

const handbook = loadHandbook('content');
const messages = new Messages('content/locales');
const engine = new AskEngine(new Knowledge(handbook), messages);
const ask = (text: string) => engine.ask({ text }).answer;
const bullets = (text: string) => text.split('\n').filter((line) => line.startsWith('• '));
const count = (text: string, part: string) => text.split(part).length - 1;

describe('list answers say how many entries they leave out', () => {
  it('the routes answer lists 6 routes and "… và 10 tuyến khác" when it holds 16', () => {
    const answer = ask('tuyến tham quan làng nghề');
    expect(answer.intent).toBe('route');
    expect(answer.items).toHaveLength(handbook.routes.length);
    const lines = answer.text.split('\n');
    expect(bullets(answer.text)).toHaveLength(6);
    expect(lines.at(-1)).toBe(`… và ${handbook.routes.length - 6} tuyến khác`);
  });

  it('says it in English too', () => {
    const answer = ask('craft village tours');
    expect(answer.intent).toBe('route');
    expect(answer.text.split('\n').at(-1)).toBe(`… and ${answer.items.length - 6} more`);
  });

  it('counts the villages of a craft left out', () => {
    const carpentry = handbook.villages.filter((v) => v.crafts.includes('carpentry')).length;
    expect(carpentry).toBeGreaterThan(8);
    const answer = ask('làng mộc');
    expect(answer.intent).toBe('villages');
    expect(bullets(answer.text)).toHaveLength(8);
    expect(answer.text.split('\n').at(-1)).toBe(`… và ${carpentry - 8} làng khác`);
  });

  it("counts a village's products left out, before its shopping tips", () => {
    const own = handbook.products.filter((p) => p.village === 'bat-trang').length;
    expect(own).toBeGreaterThan(10);
    const answer = ask('sản phẩm của Bát Tràng');
    expect(answer.intent).toBe('product');
    expect(bullets(answer.text)).toHaveLength(10);
    expect(answer.text).toContain(`\n… và ${own - 10} sản phẩm khác\n`);
    expect(ask('products of Bat Trang').text).toContain(`\n… and ${own - 10} more\n`);
  });

  it('adds nothing when the whole list is shown', () => {
    const answer = ask('làng nào làm nón lá?');
    expect(answer.intent).toBe('villages');
    expect(answer.text).not.toContain('…');
    expect(ask('near me').text).not.toContain('…');
  });

  it('one helper for every list: the first entries, then the count of the rest', () => {
    const say = (id: string, args?: Record<string, string | number>) => messages.t('vi', id, args);
    expect(listLines(['a', 'b', 'c'], 2, 'village', say)).toEqual(['a', 'b', '… và 1 làng khác']);
    expect(listLines(['a', 'b'], 2, 'product', say)).toEqual(['a', 'b']);
  });
});

describe('a commune is said once', () => {
  it('when the commune kept its name, only the former district is added', () => {
    const vi = ask('Bát Tràng ở đâu?').text;
    expect(vi).toContain('Địa chỉ: xã Bát Tràng (trước đây thuộc huyện Gia Lâm)');
    expect(
      count(
        vi.split('\n').find((l) => l.startsWith('Địa chỉ'))!,
        'Bát Tràng',
      ),
    ).toBe(1);
    expect(ask('where is Bat Trang').text).toContain('Address: xã Bát Tràng (formerly in huyện Gia Lâm)');
  });

  it('when it was renamed, the former commune is still named', () => {
    expect(ask('Chàng Sơn ở đâu?').text).toContain('Địa chỉ: xã Tây Phương (trước đây: xã Chàng Sơn, huyện Thạch Thất)');
    expect(ask('where is Chang Son').text).toContain('Address: xã Tây Phương (formerly xã Chàng Sơn, huyện Thạch Thất)');
  });

  it('in the directions answer and the chat card too', async () => {
    expect(ask('đường đến Bát Tràng').text).toContain('xã Bát Tràng (trước đây thuộc huyện Gia Lâm)');
    const dialogue = createDialogue({
      ask: { engine, messages, conversations: { get: async () => ({}), set: async () => {} }, logger: { warn() {} } as unknown as Logger },
      messages,
      textLimit: 4096,
    });
    const card = await dialogue.handle({ lang: 'vi' }, { type: 'action', data: encodeAction({ kind: 'village', id: 'bat-trang', part: 0 }) });
    expect(card.replies[0]!.text).toContain('xã Bát Tràng (trước đây thuộc huyện Gia Lâm)');
    expect(card.replies[0]!.text).not.toContain('xã Bát Tràng, huyện Gia Lâm');
  });

  it('reads the same whatever the case of the names', () => {
    const say = (id: string, args?: Record<string, string | number>) => messages.t('en', id, args);
    expect(addressText({ commune: 'Xã Hát Môn', formerCommune: 'xã Hát Môn', formerDistrict: 'huyện Phúc Thọ', communeConfirmed: true }, say)).toBe(
      'Xã Hát Môn (formerly in huyện Phúc Thọ)',
    );
  });
});

describe('a distance is said once', () => {
  it("Bát Tràng's 15 km, which its summary already gives", () => {
    expect(count(ask('Bát Tràng ở đâu?').text, '15 km')).toBe(1);
    expect(count(ask('where is Bat Trang').text, '15 km')).toBe(1);
  });

  it('every village that has a distance gives it exactly once', () => {
    for (const v of handbook.villages.filter((village) => village.visit.distanceKm)) {
      const answer = engine.ask({ text: v.name.vi, lang: 'vi' }).answer;
      if (answer.intent !== 'village' || answer.items[0]?.id !== v.id) continue;
      expect(count(answer.text, `${v.visit.distanceKm} km`), v.id).toBe(1);
    }
  });

  it('a summary without one still gets it', () => {
    const nhatTan = handbook.villages.find((v) => v.id === 'nhat-tan')!;
    expect(ask('Nhật Tân ở đâu?').text).toContain(`(cách trung tâm Hà Nội khoảng ${nhatTan.visit.distanceKm} km)`);
  });
});

describe('OCOP products of one village', () => {
  it('lists only the rated ones', () => {
    const answer = ask('san pham OCOP cua Van Phuc');
    const rated = handbook.products.filter((p) => p.village === 'van-phuc' && p.ocop?.confirmed);
    expect(answer.intent).toBe('product');
    expect(answer.items.map((i) => i.id).sort()).toEqual(rated.map((p) => p.id).sort());
    expect(answer.text.split('\n')[0]).toBe('Sản phẩm OCOP của Vạn Phúc:');
    expect(bullets(answer.text).every((line) => / OCOP \d sao$/.test(line))).toBe(true);
  });

  it('says so when a village has none confirmed, then lists what it has', () => {
    const answer = ask('OCOP products of Chuyen My');
    const chuyenMy = handbook.villages.find((v) => v.id === 'chuyen-my')!;
    expect(answer.intent).toBe('product');
    expect(answer.text.split('\n')[0]).toBe(`The handbook lists no OCOP-rated products of ${chuyenMy.name.en} yet.`);
    expect(answer.items.length).toBe(handbook.products.filter((p) => p.village === 'chuyen-my').length);
  });
});

describe('village names typed as one word', () => {
  it.each([
    ['Batrang', 'bat-trang'],
    ['vanphuc', 'van-phuc'],
    ['KieuKy', 'kieu-ky'],
    ['phuvinh', 'phu-vinh'],
    ['VạnPhúc ở đâu', 'van-phuc'],
    ['phungxa my duc', 'phung-xa-my-duc'],
  ])('%s', (text, id) => {
    expect(ask(text)).toMatchObject({ intent: 'village', items: [{ id }] });
  });
});
