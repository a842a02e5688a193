// Small pieces of wording shared by the engine's answers and the chat cards, so that both say a thing
// the same way (and say it once).
import type { VillageEntry } from '../content/schema.js';
import { plain } from './normalize.js';

type Say = (id: string, args?: Record<string, string | number>) => string;

/**
 * A village's commune, and where it was before the 2025 reorganisation: "xã Bát Tràng (trước đây thuộc
 * huyện Gia Lâm)" when the commune kept its name, "xã Ứng Thiên (trước đây: xã Liên Bạt, huyện Ứng Hòa)"
 * when it did not. Undefined when the handbook has neither.
 */
export function addressText(address: VillageEntry['address'], say: Say): string | undefined {
  const { commune, formerCommune, formerDistrict } = address;
  // A former commune of the same name as the new one would only repeat it.
  const renamed = formerCommune && !(commune && plain(commune) === plain(formerCommune)) ? formerCommune : undefined;
  const former = renamed
    ? say('village-formerly', { former: [renamed, formerDistrict].filter(Boolean).join(', ') })
    : formerDistrict
      ? say('village-formerly-in', { former: formerDistrict })
      : undefined;
  return [commune, former && `(${former})`].filter(Boolean).join(' ') || undefined;
}

export type ListKind = 'route' | 'village' | 'product';

/**
 * The first `limit` entries of a list, and "… and N more" when there are more than that: a text never
 * drops entries without saying so.
 */
export function listLines(entries: string[], limit: number, kind: ListKind, say: Say): string[] {
  const shown = entries.slice(0, limit);
  const more = entries.length - shown.length;
  return more > 0 ? [...shown, say('list-more', { count: more, kind })] : shown;
}

/** Whether a sentence already gives this distance in km ("about 15 km south-east of …"). */
export function mentionsKm(text: string | undefined, km: number): boolean {
  if (!text) return false;
  const number = String(km).replace('.', '[.,]');
  return new RegExp(`(^|[^\\d.,])${number}\\s*km\\b`, 'i').test(text);
}
