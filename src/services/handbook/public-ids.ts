// The ids of everything the public site has a page for (villages, routes, products), for the sitemap.
import type { HandbookSnapshotSource } from './handbook-snapshot.js';

export async function publicIds(snapshot: HandbookSnapshotSource) {
  const { handbook, importedAt } = await snapshot();
  const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id).sort();
  return { villages: ids(handbook.villages), routes: ids(handbook.routes), products: ids(handbook.products), importedAt };
}
