// The map's data as public GeoJSON (RFC 7946), for the page and for other map tools (uMap, QGIS): a Point per
// village that has a location, a LineString per route through its stops' points in stop order. `route` keeps
// only that route's LineString and the Points of its villages; `village` only that village's Point (none when it
// has no location), for the small map on its page. Coordinates are [lon, lat].
import type { Handbook } from '../../content/load.js';
import { notFound } from '../../errors.js';
import type { HandbookDeps } from './deps.js';
import { remember, type HandbookSnapshotSource } from './handbook-snapshot.js';

type Position = [lon: number, lat: number];
type Name = { vi: string; en: string };

export interface VillageFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position };
  properties: { id: string; name: Name; crafts: string[]; precision: 'village' | 'commune'; url: string };
}

export interface RouteFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: Position[] };
  properties: { id: string; name: Name; stops: string[] };
}

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: Array<VillageFeature | RouteFeature>;
}

/** One route, one village, or (neither given) everything. */
export type MapFilter = { route?: string; village?: string };

type Located = { location?: { lat: number; lon: number; precision: string } };

const position = (entry: Located | undefined): Position | null => (entry?.location ? [entry.location.lon, entry.location.lat] : null);

/** The handbook's entries shaped as GeoJSON; `publicUrl` makes the village pages' URLs absolute. */
export function mapFeatures(
  handbook: Pick<Handbook, 'villages' | 'places' | 'routes'>,
  options: { publicUrl?: string } & MapFilter = {},
): MapFeatureCollection {
  const base = (options.publicUrl ?? '').replace(/\/$/, '');
  const villages = new Map(handbook.villages.map((v) => [v.id, v]));
  const places = new Map(handbook.places.map((p) => [p.id, p]));

  const villagePoint = (village: Handbook['villages'][number]): VillageFeature | null => {
    const coordinates = position(village);
    if (!coordinates || !village.location) return null;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {
        id: village.id,
        name: { vi: village.name.vi, en: village.name.en },
        crafts: [...village.crafts],
        // Every location not placed at the village itself is commune-level (commune, merged or new commune).
        precision: village.location.precision === 'village' ? 'village' : 'commune',
        url: `${base}/villages/${village.id}`,
      },
    };
  };

  const routeLine = (route: Handbook['routes'][number]): RouteFeature | null => {
    const coordinates = route.stops
      .map((stop) => position(stop.village ? villages.get(stop.village) : stop.place ? places.get(stop.place) : undefined))
      .filter((p): p is Position => p !== null);
    if (coordinates.length < 2) return null;
    return {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        id: route.id,
        name: { vi: route.name.vi, en: route.name.en },
        stops: route.stops.map((stop) => (stop.village ?? stop.place) as string),
      },
    };
  };

  const present = <T>(items: Array<T | null>): T[] => items.filter((item): item is T => item !== null);

  if (options.village !== undefined) {
    const village = villages.get(options.village);
    if (!village) throw notFound('village');
    return { type: 'FeatureCollection', features: present([villagePoint(village)]) };
  }
  if (options.route === undefined) {
    return {
      type: 'FeatureCollection',
      features: [...present(handbook.villages.map(villagePoint)), ...present(handbook.routes.map(routeLine))],
    };
  }
  const route = handbook.routes.find((r) => r.id === options.route);
  if (!route) throw notFound('route');
  const villageIds = [...new Set(route.stops.flatMap((stop) => (stop.village ? [stop.village] : [])))];
  const points = present(villageIds.map((id) => villages.get(id) ?? null).map((village) => (village ? villagePoint(village) : null)));
  return { type: 'FeatureCollection', features: [...points, ...present([routeLine(route)])] };
}

/** From the handbook in memory, worked out once per snapshot and filter; an unknown id throws, so is not kept. */
export async function mapGeoJson(
  deps: Pick<HandbookDeps, 'publicUrl'>,
  snapshot: HandbookSnapshotSource,
  filter: MapFilter = {},
): Promise<MapFeatureCollection> {
  const current = await snapshot();
  // Keyed by what mapFeatures reads (a village wins over a route), so made-up ids cannot grow the snapshot.
  const key = filter.village !== undefined ? `map:village:${filter.village}` : filter.route !== undefined ? `map:route:${filter.route}` : 'map';
  return remember(current, key, () => mapFeatures(current.handbook, { publicUrl: deps.publicUrl, route: filter.route, village: filter.village }));
}
