// The question log's rows (table questions): written in batches by the recorder, purged by age.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { QuestionRecord } from '../domain/insights/question-record.js';

export type QuestionRow = QuestionRecord & { askedAt: Date };

// PostgreSQL refuses NUL in text: one visitor's odd byte must not lose the whole batch.
const clean = (text: string | null | undefined) => text?.replaceAll('\u0000', '') ?? null;

export function createQuestionRepository(prisma: PrismaClient) {
  return {
    /** One statement for the whole batch: ten array parameters, whatever its size. Raw SQL because Prisma's
     *  createMany spent ~0.6 ms of CPU a row building the query, on the process that answers the chats. */
    async insertMany(rows: QuestionRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      const column = <T>(pick: (row: QuestionRow) => T) => rows.map(pick);
      return prisma.$executeRaw`
        INSERT INTO questions (asked_at, channel, lang, text, folded, intent, entries, unknown, latency_ms, visitor)
        SELECT r.asked_at, r.channel, r.lang, r.text, r.folded, r.intent, ARRAY(SELECT jsonb_array_elements_text(r.entries)), r.unknown, r.latency_ms, r.visitor
        FROM unnest(
          ${column((row) => row.askedAt.toISOString())}::timestamptz[],
          ${column((row) => row.channel)}::text[],
          ${column((row) => row.lang)}::text[],
          ${column((row) => clean(row.text))}::text[],
          ${column((row) => clean(row.folded))}::text[],
          ${column((row) => row.intent)}::text[],
          ${column((row) => JSON.stringify(row.entries))}::jsonb[],
          ${column((row) => row.unknown)}::boolean[],
          ${column((row) => Math.max(0, Math.round(row.latencyMs)))}::integer[],
          ${column((row) => row.visitor ?? null)}::text[]
        ) AS r(asked_at, channel, lang, text, folded, intent, entries, unknown, latency_ms, visitor)`;
    },

    /** Deletes the questions asked before `date`; returns how many went. */
    async purgeOlderThan(date: Date): Promise<number> {
      const { count } = await prisma.question.deleteMany({ where: { askedAt: { lt: date } } });
      return count;
    },
  };
}

export type QuestionRepository = ReturnType<typeof createQuestionRepository>;
