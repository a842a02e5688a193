// Which village a caption line names: a whole line, one village, or none.
import { describe, expect, it } from 'vitest';
import { villageNamed } from '../../src/ask/village-named.js';
import { knowledge } from './dialogue-kit.js';

const named = (line: string) => villageNamed(knowledge, line)?.id;

describe('a line naming a village', () => {
  it('reads a name with or without diacritics, an id, an alias and a pin before it', () => {
    expect(['Bát Tràng', 'bat trang', 'bat-trang', '📍 Bát Tràng', '  BÁT TRÀNG '].map(named)).toEqual(Array(5).fill('bat-trang'));
    expect(named('Chuông')).toBe('chuong');
    expect(named('Ước Lễ')).toBe('uoc-le');
  });

  it('names none for a sentence, a craft, or a name two villages share', () => {
    expect(named('Quay sáng thứ Hai')).toBeUndefined();
    expect(named('Gốm Bát Tràng bên lò')).toBeUndefined();
    expect(named('gốm')).toBeUndefined();
    expect(named('Phùng Xá')).toBeUndefined();
    expect(named('')).toBeUndefined();
  });
});
