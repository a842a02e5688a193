// The imported handbook held in memory for the public pages, with the Q&A engine's index over it (for the
// same typo-tolerant search the bot does). The handbook changes only when content/ is imported: the stored
// import time is looked at in the background no more often than every `recheckMs`, and the whole is reloaded
// when it moved, so a page waits for the database only for the very first snapshot. While PostgreSQL is away
// the last snapshot keeps serving.
import type { Handbook } from '../../content/load.js';
import type { RouteEntry } from '../../content/schema.js';
import type { HandbookRepository } from '../../data/handbook-repository.js';
import { Knowledge } from '../../ask/knowledge.js';

export interface HandbookSnapshot {
  handbook: Handbook;
  /** Villages, crafts, places and products by id and by village; names indexed for search. */
  knowledge: Knowledge;
  /** The routes that stop at each village, in the order of their ids. */
  routesByVillage: Map<string, RouteEntry[]>;
  products: Map<string, Handbook['products'][number]>;
  /** When content/ was imported (ms since 1970; 0 before any import): what a cache of pages may key on. */
  importedAt: number;
  /** What the use cases work out from this snapshot once (lists, indexes, pages), by their own keys. */
  derived: Map<string, unknown>;
}

/** Worked out once per snapshot: the handbook does not change under it, so neither does the answer. */
export function remember<T>(snapshot: HandbookSnapshot, key: string, compute: () => T): T {
  if (snapshot.derived.has(key)) return snapshot.derived.get(key) as T;
  const value = compute();
  snapshot.derived.set(key, value);
  return value;
}

export type HandbookSnapshotSource = () => Promise<HandbookSnapshot>;

export function buildSnapshot(handbook: Handbook, importedAt: number): HandbookSnapshot {
  const routesByVillage = new Map<string, RouteEntry[]>();
  for (const route of [...handbook.routes].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const village of new Set(route.stops.flatMap((stop) => (stop.village ? [stop.village] : [])))) {
      routesByVillage.set(village, [...(routesByVillage.get(village) ?? []), route]);
    }
  }
  return {
    handbook,
    knowledge: new Knowledge(handbook),
    routesByVillage,
    products: new Map(handbook.products.map((p) => [p.id, p])),
    importedAt,
    derived: new Map(),
  };
}

export function createHandbookSnapshot(
  repository: Pick<HandbookRepository, 'load' | 'importedAt'>,
  options: { recheckMs?: number } = {},
): HandbookSnapshotSource {
  const recheckMs = options.recheckMs ?? 5_000;
  let current: HandbookSnapshot | undefined;
  let checkedAt = -Infinity;
  let refreshing: Promise<void> | undefined;

  async function refresh() {
    try {
      const importedAt = (await repository.importedAt())?.getTime() ?? 0;
      if (!current || current.importedAt !== importedAt) current = buildSnapshot(await repository.load(), importedAt);
    } catch (error) {
      // Nothing to serve yet: the request fails (503 when the database is away).
      if (!current) throw error;
    }
    checkedAt = Date.now();
  }

  return async () => {
    if (!current) {
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      await refreshing;
    } else if (Date.now() - checkedAt >= recheckMs && !refreshing) {
      // Pages go on with the snapshot they have while the look goes on in the background.
      refreshing = refresh().finally(() => (refreshing = undefined));
    }
    return current!;
  };
}
