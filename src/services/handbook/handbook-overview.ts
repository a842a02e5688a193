// What the home page shows of the handbook: how much it holds, the crafts with how many villages practise
// each, the routes, and featured products (confirmed OCOP stars, the best rated and latest first).
import { remember, type HandbookSnapshot, type HandbookSnapshotSource } from './handbook-snapshot.js';
import { hasConfirmedOcop } from './village-summary.js';

const FEATURED_PRODUCTS = 8;

export async function handbookOverview(snapshot: HandbookSnapshotSource) {
  const snap = await snapshot();
  return remember(snap, 'overview', () => overviewOf(snap));
}

function overviewOf(snap: HandbookSnapshot) {
  const { handbook, knowledge } = snap;
  const featured = handbook.products
    .filter(hasConfirmedOcop)
    .sort((a, b) => b.ocop!.stars! - a.ocop!.stars! || (b.ocop!.year ?? 0) - (a.ocop!.year ?? 0) || a.id.localeCompare(b.id));
  // One product per village first, so the few best-rated villages do not fill the row.
  const firsts: typeof featured = [];
  const rest: typeof featured = [];
  const seen = new Set<string>();
  for (const product of featured) {
    if (seen.has(product.village)) rest.push(product);
    else {
      seen.add(product.village);
      firsts.push(product);
    }
  }
  const spread = [...firsts, ...rest];
  return {
    counts: { villages: handbook.villages.length, crafts: handbook.crafts.length, routes: handbook.routes.length, products: handbook.products.length },
    crafts: handbook.crafts
      .map((craft) => ({ id: craft.id, name: craft.name, villages: knowledge.villagesByCraft.get(craft.id)?.length ?? 0 }))
      .filter((craft) => craft.villages > 0)
      .sort((a, b) => b.villages - a.villages || a.name.vi.localeCompare(b.name.vi, 'vi')),
    routes: [...handbook.routes]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((route) => ({ id: route.id, name: route.name, theme: route.theme, days: route.days, origin: route.origin, stops: route.stops.length })),
    featuredProducts: spread.slice(0, FEATURED_PRODUCTS).map((p) => ({
      id: p.id,
      name: p.name,
      stars: p.ocop!.stars!,
      year: p.ocop!.year ?? null,
      village: { id: p.village, name: knowledge.villages.get(p.village)?.name ?? { vi: p.village, en: p.village } },
    })),
  };
}

export type HandbookOverview = ReturnType<typeof overviewOf>;
