// A village whole, as its file gives it, with its products, the routes through it and its places.
import { notFound } from '../../errors.js';
import type { HandbookDeps } from './deps.js';
import { nameOf, productView } from './handbook-views.js';

export async function getVillage(deps: HandbookDeps, id: string) {
  const found = await deps.handbook.findVillage(id);
  if (!found) throw notFound('village');
  const routes = new Map(found.routes.map((route) => [route.id, { id: route.id, name: nameOf(route) }]));
  return {
    ...found.entry,
    products: found.products.map(productView),
    routes: [...routes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    places: found.places.map((place) => ({ id: place.id, kind: place.kind, name: nameOf(place) })),
  };
}
