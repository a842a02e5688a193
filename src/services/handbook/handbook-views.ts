// How the handbook's rows are shown to other apps: bilingual names, a village's area, products and routes.
import type { RouteRecord, StoredProduct } from '../../data/handbook-repository.js';
import { mapLink } from './map-link.js';

export const nameOf = (row: { nameVi: string; nameEn: string }) => ({ vi: row.nameVi, en: row.nameEn });

export const villageArea = (v: { formerCommune: string | null; formerDistrict: string | null; commune: string | null }) =>
  [v.formerCommune, v.formerDistrict].filter(Boolean).join(', ') || v.commune;

export function productView(product: StoredProduct) {
  const { village, ...rest } = product;
  return { ...rest, village };
}

export function routeView(row: RouteRecord) {
  const route = row.entry;
  const stops = row.stops.map((stop) => {
    const note = route.stops[stop.position]?.note;
    if (stop.village) {
      const v = stop.village;
      return {
        type: 'village' as const,
        id: v.id,
        name: nameOf(v),
        note,
        location: v.lat != null ? { lat: v.lat, lon: v.lon, precision: v.precision } : null,
        map: { name: v.nameVi, area: villageArea(v), lat: v.lat, lon: v.lon, precision: v.precision },
      };
    }
    const p = stop.place!;
    const precision = p.entry.location?.precision ?? null;
    return {
      type: 'place' as const,
      id: p.id,
      name: nameOf(p),
      note,
      location: p.lat != null ? { lat: p.lat, lon: p.lon, precision } : null,
      map: { name: p.nameVi, area: p.address, lat: p.lat, lon: p.lon, precision },
    };
  });
  return {
    ...route,
    stops: stops.map(({ map: _map, ...stop }) => stop),
    mapUrl: mapLink(stops.map((s) => s.map)),
  };
}
