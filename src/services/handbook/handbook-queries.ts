// Read side of the handbook for the API: lists and details shaped as JSON for other apps.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { PlaceEntry, ProductEntry, RouteEntry, VillageEntry } from '../../content/schema.js';
import { notFound } from '../../errors.js';
import { mapLink } from './map-link.js';

const name = (row: { nameVi: string; nameEn: string }) => ({ vi: row.nameVi, en: row.nameEn });

const villageArea = (v: { formerCommune: string | null; formerDistrict: string | null; commune: string | null }) =>
  [v.formerCommune, v.formerDistrict].filter(Boolean).join(', ') || v.commune;

export async function listVillages(prisma: PrismaClient, filter: { craft?: string } = {}) {
  const rows = await prisma.village.findMany({
    where: filter.craft ? { crafts: { some: { craftId: filter.craft } } } : undefined,
    orderBy: { id: 'asc' },
    select: {
      id: true, nameVi: true, nameEn: true, commune: true, communeConfirmed: true, formerCommune: true, formerDistrict: true,
      lat: true, lon: true, precision: true, atRisk: true,
      crafts: { orderBy: { position: 'asc' }, select: { craftId: true } },
      recognitions: { select: { title: true, year: true, confirmed: true } },
      products: { select: { ocopStars: true, ocopConfirmed: true } },
    },
  });
  return rows.map((v) => ({
    id: v.id,
    name: name(v),
    crafts: v.crafts.map((c) => c.craftId),
    address: { commune: v.commune, communeConfirmed: v.communeConfirmed, formerCommune: v.formerCommune, formerDistrict: v.formerDistrict },
    location: v.lat != null && v.lon != null ? { lat: v.lat, lon: v.lon, precision: v.precision } : null,
    recognition: v.recognitions,
    atRisk: v.atRisk,
    products: v.products.length,
    ocopProducts: v.products.filter((p) => p.ocopConfirmed && p.ocopStars != null).length,
  }));
}

export async function getVillage(prisma: PrismaClient, id: string) {
  const row = await prisma.village.findUnique({
    where: { id },
    select: {
      data: true,
      products: { orderBy: { id: 'asc' }, select: { data: true } },
      routeStops: { select: { route: { select: { id: true, nameVi: true, nameEn: true } } } },
      places: { select: { place: { select: { id: true, kind: true, nameVi: true, nameEn: true } } } },
    },
  });
  if (!row) throw notFound('village');
  const routes = new Map(row.routeStops.map((s) => [s.route.id, { id: s.route.id, name: name(s.route) }]));
  return {
    ...(row.data as unknown as VillageEntry),
    products: row.products.map((p) => productView(p.data as unknown as ProductEntry & { village: string })),
    routes: [...routes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    places: row.places.map(({ place }) => ({ id: place.id, kind: place.kind, name: name(place) })),
  };
}

function productView(product: ProductEntry & { village: string }) {
  const { village, ...rest } = product;
  return { ...rest, village };
}

const routeSelect = {
  data: true,
  stops: {
    orderBy: { position: 'asc' as const },
    select: {
      position: true,
      village: { select: { id: true, nameVi: true, nameEn: true, lat: true, lon: true, precision: true, commune: true, formerCommune: true, formerDistrict: true } },
      place: { select: { id: true, nameVi: true, nameEn: true, lat: true, lon: true, address: true, data: true } },
    },
  },
};

type RouteRow = { data: unknown; stops: Array<{ position: number; village: any; place: any }> };

function routeView(row: RouteRow) {
  const route = row.data as unknown as RouteEntry;
  const stops = row.stops.map((stop) => {
    const note = route.stops[stop.position]?.note;
    if (stop.village) {
      const v = stop.village;
      return {
        type: 'village' as const, id: v.id, name: name(v), note,
        location: v.lat != null ? { lat: v.lat, lon: v.lon, precision: v.precision } : null,
        map: { name: v.nameVi, area: villageArea(v), lat: v.lat, lon: v.lon, precision: v.precision },
      };
    }
    const p = stop.place;
    const precision = (p.data as PlaceEntry).location?.precision ?? null;
    return {
      type: 'place' as const, id: p.id, name: name(p), note,
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

export async function listRoutes(prisma: PrismaClient) {
  const rows = await prisma.route.findMany({ orderBy: { id: 'asc' }, select: routeSelect });
  return rows.map((row) => {
    const { id, name: routeName, theme, origin, days, stops, mapUrl } = routeView(row);
    return { id, name: routeName, theme, origin, days, stops: stops.map(({ type, id: stopId, name: stopName }) => ({ type, id: stopId, name: stopName })), mapUrl };
  });
}

export async function getRoute(prisma: PrismaClient, id: string) {
  const row = await prisma.route.findUnique({ where: { id }, select: routeSelect });
  if (!row) throw notFound('route');
  return routeView(row);
}

export interface ProductFilter {
  village?: string;
  craft?: string;
  /** Any OCOP rating ('any'), or at least this many stars. */
  ocop?: 'any' | 3 | 4 | 5;
}

export async function listProducts(prisma: PrismaClient, filter: ProductFilter = {}) {
  const rows = await prisma.product.findMany({
    where: {
      villageId: filter.village,
      craftId: filter.craft,
      ...(filter.ocop === 'any' ? { ocopConfirmed: { not: null } } : filter.ocop ? { ocopStars: { gte: filter.ocop } } : {}),
    },
    orderBy: [{ ocopStars: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    select: { data: true, village: { select: { id: true, nameVi: true, nameEn: true } } },
  });
  return rows.map((row) => ({
    ...productView(row.data as unknown as ProductEntry & { village: string }),
    village: { id: row.village.id, name: name(row.village) },
  }));
}
