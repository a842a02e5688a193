// A route for its public page: its texts without the staff's notes, its stops in order (a village with its
// area, a place with its address, each with its note and map point), a maps-app link through them all, and
// its sources as site names and titles. Null when the handbook has no such route.
import { sourceLabel } from '../../domain/handbook/source-label.js';
import type { HandbookSnapshotSource } from './handbook-snapshot.js';
import { mapLink } from './map-link.js';

type Name = { vi: string; en: string };

export interface ItineraryStop {
  type: 'village' | 'place';
  id: string;
  name: Name;
  /** A village's former commune and district (else its new commune); a place's address. */
  where: string | null;
  note: Name | null;
  location: { lat: number; lon: number; precision: string } | null;
}

export async function getRouteItinerary(snapshot: HandbookSnapshotSource, id: string) {
  const { handbook, knowledge } = await snapshot();
  const route = handbook.routes.find((r) => r.id === id);
  if (!route) return null;
  const stops: ItineraryStop[] = route.stops.flatMap((stop): ItineraryStop[] => {
    const note = stop.note ?? null;
    if (stop.village) {
      const v = knowledge.villages.get(stop.village);
      if (!v) return [];
      const where = [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ') || v.address.commune || null;
      const location = v.location ? { lat: v.location.lat, lon: v.location.lon, precision: v.location.precision } : null;
      return [{ type: 'village', id: v.id, name: v.name, where, note, location }];
    }
    const p = knowledge.places.get(stop.place!);
    if (!p) return [];
    const location = p.location ? { lat: p.location.lat, lon: p.location.lon, precision: p.location.precision } : null;
    return [{ type: 'place', id: p.id, name: p.name, where: p.address ?? null, note, location }];
  });
  const { notes: _staffNotes, stops: _entryStops, sources, ...texts } = route;
  return {
    ...texts,
    stops,
    // An address ends with the city, which mapLink adds itself.
    mapUrl: mapLink(
      stops.map((s) => ({
        name: s.name.vi,
        area: s.where?.replace(/,\s*Hà Nội$/u, ''),
        lat: s.location?.lat,
        lon: s.location?.lon,
        precision: s.location?.precision,
      })),
    ),
    sources: sources.map(sourceLabel),
  };
}

export type RouteItinerary = NonNullable<Awaited<ReturnType<typeof getRouteItinerary>>>;
