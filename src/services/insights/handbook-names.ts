// The names of what visitors asked about (villages, crafts, products, routes), from the handbook in memory:
// for the insights' top lists and for the teach form's choices.
import type { HandbookSnapshot } from '../handbook/handbook-snapshot.js';

export const ENTRY_TYPES = ['village', 'craft', 'product', 'route'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export interface Named {
  id: string;
  name: { vi: string; en: string };
}

export function handbookEntries(snapshot: HandbookSnapshot): Record<EntryType, Named[]> {
  const { villages, crafts, products, routes } = snapshot.handbook;
  const named = (entries: Named[]) => entries.map(({ id, name }) => ({ id, name: { vi: name.vi, en: name.en } })).sort((a, b) => a.id.localeCompare(b.id));
  return { village: named(villages), craft: named(crafts), product: named(products), route: named(routes) };
}
