// The public product list: the products a visitor's filter keeps (OCOP-rated first, the best rated first),
// each with its village's and craft's names, and the crafts and villages that have products, to filter by
// (in Vietnamese order; a page in English sorts them by their English names).
import { matchesProductFilter, type VisitorProductFilter } from '../../domain/handbook/product-filter.js';
import type { HandbookSnapshotSource } from './handbook-snapshot.js';

type Name = { vi: string; en: string };
type Option = { id: string; name: Name };

// One collator for every comparison: localeCompare with a locale builds one per call.
const vietnamese = new Intl.Collator('vi');
const byVietnameseName = (a: Option, b: Option) => vietnamese.compare(a.name.vi, b.name.vi);

export async function browseProducts(snapshot: HandbookSnapshotSource, filter: VisitorProductFilter = {}) {
  const { handbook, knowledge } = await snapshot();
  const name = (entries: Map<string, { name: Name }>, id: string): Name => entries.get(id)?.name ?? { vi: id, en: id };
  const all = handbook.products;
  const products = all
    .filter((product) => matchesProductFilter(product, filter))
    .sort((a, b) => (b.ocop?.stars ?? 0) - (a.ocop?.stars ?? 0) || Number(Boolean(b.ocop)) - Number(Boolean(a.ocop)) || a.id.localeCompare(b.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      producer: p.producer,
      ocop: p.ocop,
      village: { id: p.village, name: name(knowledge.villages, p.village) },
      craft: { id: p.craft, name: name(knowledge.crafts, p.craft) },
    }));
  return {
    products,
    total: all.length,
    crafts: [...new Set(all.map((p) => p.craft))].map((id) => ({ id, name: name(knowledge.crafts, id) })).sort(byVietnameseName),
    villages: [...new Set(all.map((p) => p.village))].map((id) => ({ id, name: name(knowledge.villages, id) })).sort(byVietnameseName),
  };
}
