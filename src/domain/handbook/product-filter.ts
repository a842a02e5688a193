// Which products a visitor's filter on the public product list keeps (?ocop=3|4|5, ?craft=, ?village=).
// A star filter keeps exactly that many stars, and only ratings the handbook confirms: a rating known only
// from a headline stays on the unfiltered list, marked unconfirmed, but is not vouched for by a filter.

export const ocopStarChoices = [3, 4, 5] as const;
export type OcopStarChoice = (typeof ocopStarChoices)[number];

export interface VisitorProductFilter {
  ocop?: OcopStarChoice;
  craft?: string;
  village?: string;
}

export interface FilterableProduct {
  craft: string;
  village: string;
  ocop?: { stars?: number; confirmed: boolean };
}

export function matchesProductFilter(product: FilterableProduct, filter: VisitorProductFilter): boolean {
  if (filter.village && product.village !== filter.village) return false;
  if (filter.craft && product.craft !== filter.craft) return false;
  if (filter.ocop && !(product.ocop?.confirmed && product.ocop.stars === filter.ocop)) return false;
  return true;
}
