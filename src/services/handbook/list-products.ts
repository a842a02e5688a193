// The handbook's products, filtered by village, craft or OCOP rating; the best rated first.
import type { ProductFilter } from '../../data/handbook-repository.js';
import type { HandbookDeps } from './deps.js';
import { nameOf, productView } from './handbook-views.js';

export type { ProductFilter };

export async function listProducts(deps: HandbookDeps, filter: ProductFilter = {}) {
  const rows = await deps.handbook.listProducts(filter);
  return rows.map((row) => ({
    ...productView(row.entry),
    village: { id: row.village.id, name: nameOf(row.village) },
  }));
}
