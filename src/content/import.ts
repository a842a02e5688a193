// Imports the handbook into PostgreSQL in one transaction: upserts what the files hold, removes what
// they no longer hold, and records the content hash. A failed import changes nothing.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { hashContent, loadHandbook } from './load.js';

export interface ImportSummary {
  skipped: boolean;
  villages: { added: string[]; updated: string[]; removed: string[]; unchanged: number };
}

// Imports from two processes starting at once must not interleave.
const IMPORT_LOCK = 7_413_001;

export async function importContent(
  prisma: PrismaClient,
  contentDir: string,
  options: { onlyWhenChanged?: boolean } = {},
): Promise<ImportSummary> {
  const hash = hashContent(contentDir);
  const handbook = loadHandbook(contentDir);
  const summary: ImportSummary = { skipped: false, villages: { added: [], updated: [], removed: [], unchanged: 0 } };

  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
      const state = await tx.contentState.findUnique({ where: { id: 1 } });
      if (options.onlyWhenChanged && state?.hash === hash) {
        summary.skipped = true;
        return;
      }
      const existing = new Map((await tx.village.findMany({ select: { id: true, data: true } })).map((v) => [v.id, v.data]));
      for (const village of handbook.villages) {
        const data = village as unknown as Prisma.InputJsonValue;
        const row = {
          nameVi: village.name.vi,
          nameEn: village.name.en,
          aliases: village.aliases,
          crafts: village.crafts,
          lat: village.location?.lat ?? null,
          lon: village.location?.lon ?? null,
          precision: village.location?.precision ?? null,
          data,
        };
        const before = existing.get(village.id);
        if (before === undefined) {
          await tx.village.create({ data: { id: village.id, ...row } });
          summary.villages.added.push(village.id);
        } else if (canonical(before) !== canonical(data)) {
          await tx.village.update({ where: { id: village.id }, data: row });
          summary.villages.updated.push(village.id);
        } else {
          summary.villages.unchanged++;
        }
        existing.delete(village.id);
      }
      const removed = [...existing.keys()];
      if (removed.length) await tx.village.deleteMany({ where: { id: { in: removed } } });
      summary.villages.removed = removed;
      await tx.contentState.upsert({ where: { id: 1 }, create: { id: 1, hash }, update: { hash, importedAt: new Date() } });
    },
    { timeout: 60_000 },
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

export function describeImport(summary: ImportSummary): string {
  if (summary.skipped) return 'content/ unchanged since the last import: nothing to do.';
  const v = summary.villages;
  const list = (label: string, ids: string[]) => (ids.length ? `${label} ${ids.length} (${ids.join(', ')})` : `${label} 0`);
  return `villages: ${list('added', v.added)}, ${list('updated', v.updated)}, ${list('removed', v.removed)}, unchanged ${v.unchanged}`;
}
