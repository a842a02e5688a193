// Reads the imported handbook back for the Q&A engine.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { VillageEntry } from '../content/schema.js';

export async function loadVillages(prisma: PrismaClient): Promise<VillageEntry[]> {
  const rows = await prisma.village.findMany({ select: { data: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.data as unknown as VillageEntry);
}
