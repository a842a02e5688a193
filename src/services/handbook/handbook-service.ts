// The handbook's use cases bound to their repository: what the HTTP routes and console pages call.
import type { HandbookDeps } from './deps.js';
import type { ProductFilter } from './list-products.js';
import { computeKpis } from './compute-kpis.js';
import { getRoute } from './get-route.js';
import { getVillage } from './get-village.js';
import { listCrafts } from './list-crafts.js';
import { listProducts } from './list-products.js';
import { listRecognitions } from './list-recognitions.js';
import { listRoutes } from './list-routes.js';
import { listVillages } from './list-villages.js';
import { mapGeoJson } from './map-geojson.js';

export function createHandbookService(deps: HandbookDeps) {
  return {
    listVillages: (filter?: { craft?: string }) => listVillages(deps, filter),
    getVillage: (id: string) => getVillage(deps, id),
    listRoutes: () => listRoutes(deps),
    getRoute: (id: string) => getRoute(deps, id),
    listProducts: (filter?: ProductFilter) => listProducts(deps, filter),
    listCrafts: (ids?: string[]) => listCrafts(deps, ids),
    listRecognitions: () => listRecognitions(deps),
    computeKpis: () => computeKpis(deps),
    mapGeoJson: (filter?: { route?: string }) => mapGeoJson(deps, filter),
  };
}

export type HandbookService = ReturnType<typeof createHandbookService>;
