// A village's public page, whole: its entry without the staff's notes, crafts by name, where it is (former and
// new address, "unconfirmed" where the handbook says so, whether the map point is only the commune's), its
// products, the nearest villages with their distance (as the bot counts it), the routes through it, the places
// tied to it, a directions link, and its sources as site names and titles.
import type { PlaceEntry, VillageEntry } from '../../content/schema.js';
import { sourceLabel, type SourceLabel } from '../../domain/handbook/source-label.js';
import { remember, type HandbookSnapshot, type HandbookSnapshotSource } from './handbook-snapshot.js';
import { mapLink } from './map-link.js';
import { villageSummary, type VillageSummary } from './village-summary.js';

const NEARBY_COUNT = 5;

type Name = { vi: string; en: string };
/** What visitors may read of an entry: the staff's notes and where a map point came from stay out. */
export type PublicVillageEntry = Omit<VillageEntry, 'notes' | 'location'> & { location?: Omit<NonNullable<VillageEntry['location']>, 'note' | 'sources'> };

export interface VillagePage {
  village: PublicVillageEntry;
  summary: VillageSummary;
  products: Array<{ id: string; name: Name; kind: 'named' | 'type'; producer?: string; ocop?: { stars?: number; year?: number; confirmed: boolean } }>;
  nearby: Array<{ id: string; name: Name; km: number; approximate: boolean }>;
  routes: Array<{ id: string; name: Name; days: number }>;
  places: Array<{ id: string; kind: PlaceEntry['kind']; name: Name; address?: string }>;
  directionsUrl: string;
  sources: SourceLabel[];
}

const round = (km: number) => Math.round(km * 10) / 10;

export async function villagePage(snapshot: HandbookSnapshotSource, id: string): Promise<VillagePage | null> {
  const snap = await snapshot();
  // Only ids of the handbook are kept: an unknown one costs a look-up in a map, not a place in memory.
  if (!snap.knowledge.villages.has(id)) return null;
  return remember(snap, `village-page:${id}`, () => buildVillagePage(snap, id));
}

function buildVillagePage(snap: HandbookSnapshot, id: string): VillagePage | null {
  const { knowledge } = snap;
  const entry = knowledge.villages.get(id);
  if (!entry) return null;
  const summary = villageSummary(snap, entry);
  const { notes: _notes, location, ...shown } = entry;
  const village: PublicVillageEntry = { ...shown, ...(location ? { location: { lat: location.lat, lon: location.lon, precision: location.precision } } : {}) };

  const products = (knowledge.productsByVillage.get(id) ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    producer: p.producer,
    ocop: p.ocop ? { stars: p.ocop.stars, year: p.ocop.year, confirmed: p.ocop.confirmed } : undefined,
  }));
  // Rated products first, the best rated first.
  products.sort((a, b) => (b.ocop?.stars ?? 0) - (a.ocop?.stars ?? 0) || Number(b.kind === 'named') - Number(a.kind === 'named'));

  const nearby = location
    ? knowledge.nearest(location, NEARBY_COUNT, id).map(({ village: v, km }) => ({
        id: v.id,
        name: v.name,
        km: round(km),
        approximate: location.precision !== 'village' || v.location?.precision !== 'village',
      }))
    : [];

  const former = [entry.address.formerCommune, entry.address.formerDistrict].filter(Boolean).join(', ');
  const sources = [...new Set([...entry.sources, ...entry.recognition.flatMap((r) => r.sources), ...(entry.atRisk?.sources ?? [])])];

  return {
    village,
    summary,
    products,
    nearby,
    routes: (snap.routesByVillage.get(id) ?? []).map((r) => ({ id: r.id, name: r.name, days: r.days })),
    places: [...knowledge.places.values()].filter((p) => p.villages.includes(id)).map((p) => ({ id: p.id, kind: p.kind, name: p.name, address: p.address })),
    directionsUrl: mapLink([
      { name: entry.name.vi, area: former || entry.address.commune, lat: location?.lat, lon: location?.lon, precision: location?.precision },
    ]),
    sources: sources.map(sourceLabel),
  };
}
