// A product whole, for its public page: its village and craft, its OCOP rating, and where the handbook says
// it can be bought — the places its entry names, the shops of its village, and (for an OCOP product) the
// city's OCOP centres and sales points — kept apart, so a page never says a shop stocks what it may not.
// Null when the handbook has no such product.
import type { PlaceEntry } from '../../content/schema.js';
import { sourceLabel } from '../../domain/handbook/source-label.js';
import type { HandbookSnapshotSource } from './handbook-snapshot.js';

/** Kinds of place that sell; a museum or a sight sells a product only when the product's entry names it. */
const sellingKinds: ReadonlySet<string> = new Set(['ocop_centre', 'ocop_sales_point', 'showroom', 'market']);
const cityWideKinds: ReadonlySet<string> = new Set(['ocop_centre', 'ocop_sales_point']);

const placeView = ({ id, kind, name, address, offers }: PlaceEntry) => ({ id, kind, name, address, offers });

export async function getProduct(snapshot: HandbookSnapshotSource, id: string) {
  const { products, knowledge } = await snapshot();
  const entry = products.get(id);
  if (!entry) return null;
  const { notes: _staffNotes, places: named, village: villageId, craft: craftId, sources, ...product } = entry;
  const village = knowledge.villages.get(villageId);
  const craft = knowledge.crafts.get(craftId);
  const others = [...knowledge.places.values()].filter((p) => !named.includes(p.id) && sellingKinds.has(p.kind));
  return {
    ...product,
    village: { id: villageId, name: village?.name ?? { vi: villageId, en: villageId } },
    craft: { id: craftId, name: craft?.name ?? { vi: craftId, en: craftId } },
    places: named.flatMap((placeId) => {
      const place = knowledge.places.get(placeId);
      return place ? [placeView(place)] : [];
    }),
    villagePlaces: others.filter((p) => p.villages.includes(villageId)).map(placeView),
    cityPlaces: entry.ocop ? others.filter((p) => p.villages.length === 0 && cityWideKinds.has(p.kind)).map(placeView) : [],
    sources: sources.map(sourceLabel),
  };
}

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;
