// A village as the public lists show it (the /villages cards, the home page): names, crafts, where it is
// (former district, new commune, whether that is confirmed), its confirmed titles, how many OCOP products.
import type { VillageEntry } from '../../content/schema.js';
import { areaOf, communeAreas } from '../../domain/handbook/areas.js';
import { isApproximate } from '../../domain/handbook/location-precision.js';
import type { HandbookSnapshot } from './handbook-snapshot.js';

type Name = { vi: string; en: string };

export interface VillageSummary {
  id: string;
  name: Name;
  summary: Name;
  crafts: Array<{ id: string; name: Name }>;
  district: { key: string; name: string } | null;
  formerCommune: string | null;
  communes: Array<{ key: string; name: string }>;
  communeConfirmed: boolean;
  /** Confirmed recognitions other than "other", with their years. */
  titles: Array<{ title: string; year: number | null }>;
  ocopProducts: number;
  products: number;
  atRisk: boolean;
  located: boolean;
  approximate: boolean;
}

/** Confirmed OCOP stars: a product's rating that the sources confirm. */
export const hasConfirmedOcop = (product: { ocop?: { stars?: number; confirmed: boolean } }) => Boolean(product.ocop?.stars && product.ocop.confirmed);

export function villageSummary(snapshot: HandbookSnapshot, village: VillageEntry): VillageSummary {
  const { knowledge } = snapshot;
  const products = knowledge.productsByVillage.get(village.id) ?? [];
  const formerCommune = village.address.formerCommune ?? null;
  return {
    id: village.id,
    name: village.name,
    summary: village.summary,
    crafts: village.crafts.map((id) => ({ id, name: knowledge.crafts.get(id)?.name ?? { vi: id, en: id } })),
    district: village.address.formerDistrict ? areaOf(village.address.formerDistrict) : null,
    formerCommune,
    communes: communeAreas(village.address.commune),
    communeConfirmed: village.address.communeConfirmed,
    titles: village.recognition.filter((r) => r.confirmed && r.title !== 'other').map((r) => ({ title: r.title, year: r.year ?? null })),
    ocopProducts: products.filter(hasConfirmedOcop).length,
    products: products.length,
    atRisk: Boolean(village.atRisk),
    located: Boolean(village.location),
    approximate: isApproximate(village.location),
  };
}
