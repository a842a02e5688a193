// Phrasings staff taught the bot (learned_phrasings): one per folded text, teaching it again replaces its
// target. The target's two columns (type and id, or "intent" and which) are turned into one value here.
import type { PrismaClient } from '../generated/prisma/client.js';
import { learnedTargetSchema, type LearnedEntry, type LearnedTarget } from '../content/schema.js';

export interface LearnedPhrasing {
  id: string;
  text: string;
  folded: string;
  target: LearnedTarget;
  createdBy: string | null;
  createdAt: Date;
}

const select = { id: true, text: true, folded: true, targetType: true, targetId: true, intent: true, createdBy: true, createdAt: true } as const;

type Row = { id: string; text: string; folded: string; targetType: string; targetId: string | null; intent: string | null; createdBy: string | null; createdAt: Date };

/** A row's target, by the content schema; undefined when it no longer fits (then the row is left out). */
function targetOf(row: Row): LearnedTarget | undefined {
  const parsed = learnedTargetSchema.safeParse(row.targetType === 'intent' ? { intent: row.intent } : { type: row.targetType, id: row.targetId });
  return parsed.success ? parsed.data : undefined;
}

const toPhrasing = (row: Row): LearnedPhrasing | undefined => {
  const target = targetOf(row);
  return target && { id: row.id, text: row.text, folded: row.folded, target, createdBy: row.createdBy, createdAt: row.createdAt };
};

const columnsOf = (target: LearnedTarget) =>
  'intent' in target ? { targetType: 'intent', targetId: null, intent: target.intent } : { targetType: target.type, targetId: target.id, intent: null };

export function createLearnedPhrasingRepository(prisma: PrismaClient) {
  return {
    /** Stores a phrasing; one with the same folded text is replaced (its target, text and author), keeping its id. */
    async create(input: { text: string; folded: string; target: LearnedTarget; createdBy?: string }): Promise<{ phrasing: LearnedPhrasing; replaced: boolean }> {
      const data = { text: input.text, ...columnsOf(input.target), createdBy: input.createdBy ?? null };
      return prisma.$transaction(async (tx) => {
        const existing = await tx.learnedPhrasing.findUnique({ where: { folded: input.folded }, select: { id: true } });
        const row = existing
          ? await tx.learnedPhrasing.update({ where: { id: existing.id }, data, select })
          : await tx.learnedPhrasing.create({ data: { ...data, folded: input.folded }, select });
        return { phrasing: toPhrasing(row)!, replaced: Boolean(existing) };
      });
    },

    /** Every phrasing, the newest first. */
    async list(): Promise<LearnedPhrasing[]> {
      const rows = await prisma.learnedPhrasing.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select });
      return rows.map(toPhrasing).filter((p): p is LearnedPhrasing => Boolean(p));
    },

    /** Removes one; false when there was none with this id. */
    async delete(id: string): Promise<boolean> {
      const { count } = await prisma.learnedPhrasing.deleteMany({ where: { id } });
      return count > 0;
    },

    /** What the engine needs of every phrasing, the oldest first (a later one wins over an earlier one). */
    async all(): Promise<LearnedEntry[]> {
      const rows = await prisma.learnedPhrasing.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select });
      return rows.map(toPhrasing).flatMap((p) => (p ? [{ text: p.text, target: p.target }] : []));
    },
  };
}

export type LearnedPhrasingRepository = ReturnType<typeof createLearnedPhrasingRepository>;
