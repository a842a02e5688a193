// Every village of the handbook (or those of one craft), as a summary row.
import type { HandbookDeps } from './deps.js';
import { nameOf } from './handbook-views.js';

export async function listVillages(deps: HandbookDeps, filter: { craft?: string } = {}) {
  const rows = await deps.handbook.listVillages(filter);
  return rows.map((v) => ({
    id: v.id,
    name: nameOf(v),
    crafts: v.crafts.map((c) => c.craftId),
    address: { commune: v.commune, communeConfirmed: v.communeConfirmed, formerCommune: v.formerCommune, formerDistrict: v.formerDistrict },
    location: v.lat != null && v.lon != null ? { lat: v.lat, lon: v.lon, precision: v.precision } : null,
    recognition: v.recognitions,
    atRisk: v.atRisk,
    products: v.products.length,
    ocopProducts: v.products.filter((p) => p.ocopConfirmed && p.ocopStars != null).length,
  }));
}
