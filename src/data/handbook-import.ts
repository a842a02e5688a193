// Writes the handbook into PostgreSQL in one transaction: upserts what the files hold, removes what
// they no longer hold, records the content hash, and says what changed. A failed import changes nothing.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { fold } from '../ask/normalize.js';
import type { Handbook } from '../content/load.js';
import { kinds, type Changes, type ImportSummary, type Kind } from '../content/import.js';

// Bump when the import itself changes what it writes, so that start-up imports again.
const IMPORTER_VERSION = '4';
// Imports from two processes starting at once must not interleave.
const IMPORT_LOCK = 7_413_001;

type Tx = Prisma.TransactionClient;
type Json = Prisma.InputJsonValue;

interface Row {
  id: string;
  data: Json;
  columns: Record<string, unknown>;
}

/** The table operations the generic sync needs; each kind supplies its own. */
interface Table {
  existing(tx: Tx): Promise<Array<{ id: string; data: unknown }>>;
  create(tx: Tx, rows: Row[]): Promise<unknown>;
  update(tx: Tx, row: Row): Promise<unknown>;
  remove(tx: Tx, ids: string[]): Promise<unknown>;
}

const searchText = (...parts: Array<string | undefined | string[]>) =>
  [...new Set(parts.flat().filter((p): p is string => Boolean(p)).map(fold))].join(' | ');

function rowsOf(handbook: Handbook): Record<Kind, Row[]> {
  const row = (id: string, data: unknown, columns: Record<string, unknown>): Row => ({ id, data: data as Json, columns });
  return {
    crafts: handbook.crafts.map((c) =>
      row(c.id, c, { nameVi: c.name.vi, nameEn: c.name.en, aliases: c.aliases, sources: c.sources, searchText: searchText(c.name.vi, c.name.en, c.aliases) }),
    ),
    villages: handbook.villages.map((v) =>
      row(v.id, v, {
        nameVi: v.name.vi,
        nameEn: v.name.en,
        aliases: v.aliases,
        commune: v.address.commune ?? null,
        communeConfirmed: v.address.communeConfirmed,
        formerCommune: v.address.formerCommune ?? null,
        formerDistrict: v.address.formerDistrict ?? null,
        lat: v.location?.lat ?? null,
        lon: v.location?.lon ?? null,
        precision: v.location?.precision ?? null,
        atRisk: Boolean(v.atRisk),
        sources: v.sources,
        searchText: searchText(v.name.vi, v.name.en, v.aliases),
      }),
    ),
    places: handbook.places.map((p) =>
      row(p.id, p, { kind: p.kind, nameVi: p.name.vi, nameEn: p.name.en, address: p.address ?? null, lat: p.location?.lat ?? null, lon: p.location?.lon ?? null, sources: p.sources }),
    ),
    products: handbook.products.map((p) =>
      row(p.id, p, {
        villageId: p.village,
        craftId: p.craft,
        nameVi: p.name.vi,
        nameEn: p.name.en,
        kind: p.kind,
        producer: p.producer ?? null,
        ocopStars: p.ocop?.stars ?? null,
        ocopYear: p.ocop?.year ?? null,
        ocopLevel: p.ocop?.level ?? null,
        ocopConfirmed: p.ocop ? p.ocop.confirmed : null,
        url: p.url ?? null,
        sources: p.sources,
        searchText: searchText(p.name.vi, p.name.en, p.producer),
      }),
    ),
    routes: handbook.routes.map((r) =>
      row(r.id, r, { nameVi: r.name.vi, nameEn: r.name.en, origin: r.origin, days: r.days, sources: r.sources, searchText: searchText(r.name.vi, r.name.en) }),
    ),
    plan: handbook.plan.map((t) => row(t.id, t, { target: t.target, unit: t.unit, year: t.year, sources: t.sources })),
    elsewhere: handbook.elsewhere.map((e) => row(e.id, e, { nameVi: e.name.vi, nameEn: e.name.en, sources: e.sources })),
  };
}

const tables: Record<Kind, Table> = {
  crafts: table((tx) => tx.craft),
  villages: table((tx) => tx.village),
  places: table((tx) => tx.place),
  products: table((tx) => tx.product),
  routes: table((tx) => tx.route),
  plan: table((tx) => tx.planTarget),
  elsewhere: table((tx) => tx.elsewhere),
};

// Every handbook table has the same shape of id, data and plain columns, so one adapter serves all.
function table(delegate: (tx: Tx) => unknown): Table {
  type Delegate = {
    findMany(args: unknown): Promise<Array<{ id: string; data: unknown }>>;
    createMany(args: unknown): Promise<unknown>;
    update(args: unknown): Promise<unknown>;
    deleteMany(args: unknown): Promise<unknown>;
  };
  const of = (tx: Tx) => delegate(tx) as Delegate;
  return {
    existing: (tx) => of(tx).findMany({ select: { id: true, data: true } }),
    create: (tx, rows) => of(tx).createMany({ data: rows.map((r) => ({ id: r.id, data: r.data, ...r.columns })) }),
    update: (tx, r) => of(tx).update({ where: { id: r.id }, data: { data: r.data, ...r.columns } }),
    remove: (tx, ids) => of(tx).deleteMany({ where: { id: { in: ids } } }),
  };
}

async function sync(tx: Tx, kind: Kind, rows: Row[]): Promise<Changes> {
  const before = new Map((await tables[kind].existing(tx)).map((r) => [r.id, canonical(r.data)]));
  const changes: Changes = { added: [], updated: [], removed: [], unchanged: 0 };
  const added: Row[] = [];
  for (const row of rows) {
    const old = before.get(row.id);
    if (old === undefined) {
      added.push(row);
      changes.added.push(row.id);
    } else if (old !== canonical(row.data)) {
      await tables[kind].update(tx, row);
      changes.updated.push(row.id);
    } else {
      changes.unchanged++;
    }
    before.delete(row.id);
  }
  if (added.length) await tables[kind].create(tx, added);
  changes.removed = [...before.keys()].sort();
  return changes;
}

/** Rebuilds the link tables (crafts of villages, recognitions, place–village links, route stops). */
async function rebuildLinks(tx: Tx, handbook: Handbook) {
  await tx.villageCraft.deleteMany();
  await tx.recognition.deleteMany();
  await tx.placeVillage.deleteMany();
  await tx.routeStop.deleteMany();
  await tx.villageCraft.createMany({
    data: handbook.villages.flatMap((v) => v.crafts.map((craftId, position) => ({ villageId: v.id, craftId, position }))),
  });
  await tx.recognition.createMany({
    data: handbook.villages.flatMap((v) =>
      v.recognition.map((r) => ({ villageId: v.id, title: r.title, year: r.year ?? null, decision: r.decision ?? null, confirmed: r.confirmed, sources: r.sources })),
    ),
  });
  await tx.placeVillage.createMany({ data: handbook.places.flatMap((p) => p.villages.map((villageId) => ({ placeId: p.id, villageId }))) });
  await tx.routeStop.createMany({
    data: handbook.routes.flatMap((r) => r.stops.map((s, position) => ({ routeId: r.id, position, villageId: s.village ?? null, placeId: s.place ?? null }))),
  });
}

/** Whether the files with this hash are the ones imported last (by this importer's version). */
export async function isImported(prisma: PrismaClient, contentHash: string): Promise<boolean> {
  const state = await prisma.contentState.findUnique({ where: { id: 1 }, select: { hash: true } });
  return state?.hash === `${IMPORTER_VERSION}:${contentHash}`;
}

/** The whole handbook written over what is stored; skipped when `onlyWhenChanged` and the files' hash is the stored one. */
export async function writeHandbook(
  prisma: PrismaClient,
  handbook: Handbook,
  options: { contentHash: string; onlyWhenChanged?: boolean },
): Promise<ImportSummary> {
  const hash = `${IMPORTER_VERSION}:${options.contentHash}`;
  const rows = rowsOf(handbook);
  const empty = (): Changes => ({ added: [], updated: [], removed: [], unchanged: 0 });
  const summary: ImportSummary = { skipped: false, changes: Object.fromEntries(kinds.map((k) => [k, empty()])) as Record<Kind, Changes> };

  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
      const state = await tx.contentState.findUnique({ where: { id: 1 } });
      if (options.onlyWhenChanged && state?.hash === hash) {
        summary.skipped = true;
        return;
      }
      // Parents before children; removals after, children first (links go with their rows by cascade).
      for (const kind of kinds) summary.changes[kind] = await sync(tx, kind, rows[kind]);
      for (const kind of ['routes', 'products', 'places', 'villages', 'crafts', 'plan', 'elsewhere'] as const) {
        const removed = summary.changes[kind].removed;
        if (removed.length) await tables[kind].remove(tx, removed);
      }
      await rebuildLinks(tx, handbook);
      // Whole documents: the application stages, the rules guides and the learned phrasings.
      for (const [id, data] of [['stages', handbook.stages], ['guides', handbook.guides], ['learned', handbook.learned]] as const) {
        const value: unknown = data ?? null;
        await tx.contentDocument.upsert({ where: { id }, create: { id, data: value as Json }, update: { data: value as Json } });
      }
      await tx.contentState.upsert({ where: { id: 1 }, create: { id: 1, hash }, update: { hash, importedAt: new Date() } });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return summary;
}

// jsonb stores keys in its own order, so compare with keys sorted.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
