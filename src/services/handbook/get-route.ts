// A route whole: its day plan, its stops with their notes and locations, and a map link through them.
import { notFound } from '../../errors.js';
import type { HandbookDeps } from './deps.js';
import { routeView } from './handbook-views.js';

export async function getRoute(deps: HandbookDeps, id: string) {
  const record = await deps.handbook.findRoute(id);
  if (!record) throw notFound('route');
  return routeView(record);
}
