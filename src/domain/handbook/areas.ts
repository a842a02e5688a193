// Where a village is, as the filters on /villages use it: its former district (Hanoi's districts were
// abolished on 1 July 2025, but people and maps still know them) and its new commune or ward, each with an
// ASCII key for the address bar (?district=gia-lam) and its name without the "huyện"/"xã" prefix.

export interface Area {
  key: string;
  name: string;
}

// "huyện", "quận", "thị xã", "xã", "phường", "thị trấn": what kind of unit, not its name.
const UNIT_PREFIX = /^(huyện|quận|thị xã|thị trấn|xã|phường)\s+/iu;

/** "Gia Lâm" → "gia-lam" */
export const areaKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "huyện Gia Lâm" → { key: 'gia-lam', name: 'Gia Lâm' } */
export function areaOf(unit: string): Area {
  const name = unit.trim().replace(UNIT_PREFIX, '');
  return { key: areaKey(name), name };
}

/** The new commune as the handbook gives it, one or several ("xã Gia Lâm hoặc xã Bát Tràng" when unsure). */
export const communeAreas = (commune: string | undefined | null): Area[] => (commune ? commune.split(/\s+hoặc\s+/u).map(areaOf) : []);
