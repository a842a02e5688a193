// Every route, with its stops in order and a map link through them.
import type { HandbookDeps } from './deps.js';
import { routeView } from './handbook-views.js';

export async function listRoutes(deps: HandbookDeps) {
  const records = await deps.handbook.listRoutes();
  return records.map((record) => {
    const { id, name: routeName, theme, origin, days, stops, mapUrl } = routeView(record);
    return {
      id,
      name: routeName,
      theme,
      origin,
      days,
      stops: stops.map(({ type, id: stopId, name: stopName }) => ({ type, id: stopId, name: stopName })),
      mapUrl,
    };
  });
}
