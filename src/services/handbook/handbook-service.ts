// The handbook's use cases bound to their repository: what the HTTP routes and console pages call.
import type { HandbookDeps } from './deps.js';
import type { ProductFilter } from './list-products.js';
import type { VisitorProductFilter } from '../../domain/handbook/product-filter.js';
import { browseProducts } from './browse-products.js';
import { browseRoutes } from './browse-routes.js';
import { computeKpis } from './compute-kpis.js';
import { getProduct } from './get-product.js';
import { getRoute } from './get-route.js';
import { getRouteItinerary } from './get-route-itinerary.js';
import { getVillage } from './get-village.js';
import { listCrafts } from './list-crafts.js';
import { listProducts } from './list-products.js';
import { listRecognitions } from './list-recognitions.js';
import { listRoutes } from './list-routes.js';
import { listVillages } from './list-villages.js';
import { mapGeoJson, type MapFilter } from './map-geojson.js';
import { createHandbookSnapshot } from './handbook-snapshot.js';
import { searchVillages, type VillageFilter } from './search-villages.js';
import { villagePage } from './village-page.js';
import { handbookOverview } from './handbook-overview.js';
import { publicIds } from './public-ids.js';

export function createHandbookService(deps: HandbookDeps) {
  // The public pages read the handbook from memory, reloaded only after an import (handbook-snapshot.ts).
  const snapshot = createHandbookSnapshot(deps.handbook);
  return {
    snapshot,
    searchVillages: (filter?: VillageFilter) => searchVillages(snapshot, filter),
    villagePage: (id: string) => villagePage(snapshot, id),
    overview: () => handbookOverview(snapshot),
    publicIds: () => publicIds(snapshot),
    listVillages: (filter?: { craft?: string }) => listVillages(deps, filter),
    getVillage: (id: string) => getVillage(deps, id),
    listRoutes: () => listRoutes(deps),
    getRoute: (id: string) => getRoute(deps, id),
    listProducts: (filter?: ProductFilter) => listProducts(deps, filter),
    browseRoutes: () => browseRoutes(snapshot),
    getRouteItinerary: (id: string) => getRouteItinerary(snapshot, id),
    browseProducts: (filter?: VisitorProductFilter) => browseProducts(snapshot, filter),
    getProduct: (id: string) => getProduct(snapshot, id),
    listCrafts: (ids?: string[]) => listCrafts(deps, ids),
    listRecognitions: () => listRecognitions(deps),
    computeKpis: () => computeKpis(deps),
    mapGeoJson: (filter?: MapFilter) => mapGeoJson(deps, snapshot, filter),
  };
}

export type HandbookService = ReturnType<typeof createHandbookService>;
