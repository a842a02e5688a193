// Every route as the public list shows it: name, theme, who made it, days and number of stops.
import type { HandbookSnapshotSource } from './handbook-snapshot.js';

export async function browseRoutes(snapshot: HandbookSnapshotSource) {
  const { handbook } = await snapshot();
  return handbook.routes.map((route) => ({
    id: route.id,
    name: route.name,
    theme: route.theme,
    origin: route.origin,
    days: route.days,
    stops: route.stops.length,
  }));
}
