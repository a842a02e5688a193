// What the question log says for a period [from, to): counts, distinct visitors, answered share, questions per
// Hanoi day × channel × language, the handbook entries and intents most asked, and the latest unanswered
// questions. Read-only aggregates over the questions table (written by the question log).
import type { PrismaClient } from '../generated/prisma/client.js';

export interface InsightsPeriod {
  from: Date;
  to: Date;
}

export interface QuestionTotals {
  questions: number;
  /** Distinct visitor hashes; questions logged without one (scripts over /api/ask) are not counted. */
  visitors: number;
  answered: number;
}

export interface DayCount {
  /** Hanoi calendar day, YYYY-MM-DD. */
  day: string;
  channel: string;
  lang: string;
  count: number;
}

export interface EntryCount {
  /** village, craft, product or route: the part before the colon of "village:bat-trang". */
  type: string;
  id: string;
  count: number;
}

export interface UnansweredQuestion {
  folded: string;
  text: string;
  askedAt: Date;
}

/** The latest unanswered questions read for grouping: enough for any real month, bounded for memory. */
export const UNANSWERED_CAP = 5_000;

export function createInsightsRepository(prisma: PrismaClient) {
  return {
    async totals({ from, to }: InsightsPeriod): Promise<QuestionTotals> {
      const [row] = await prisma.$queryRaw<QuestionTotals[]>`
        SELECT count(*)::int AS questions,
               count(DISTINCT visitor)::int AS visitors,
               (count(*) FILTER (WHERE NOT unknown))::int AS answered
        FROM questions WHERE asked_at >= ${from} AND asked_at < ${to}`;
      return row ?? { questions: 0, visitors: 0, answered: 0 };
    },

    byDay({ from, to }: InsightsPeriod): Promise<DayCount[]> {
      return prisma.$queryRaw<DayCount[]>`
        SELECT to_char(asked_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, channel, lang, count(*)::int AS count
        FROM questions WHERE asked_at >= ${from} AND asked_at < ${to}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    },

    /** The `limit` most asked entries of each type; a question naming an entry twice counts once. */
    topEntries({ from, to }: InsightsPeriod, limit: number): Promise<EntryCount[]> {
      return prisma.$queryRaw<EntryCount[]>`
        SELECT type, id, count FROM (
          SELECT split_part(entry, ':', 1) AS type, substr(entry, strpos(entry, ':') + 1) AS id, count(DISTINCT q.id)::int AS count,
                 row_number() OVER (PARTITION BY split_part(entry, ':', 1) ORDER BY count(DISTINCT q.id) DESC, entry) AS rank
          FROM questions q, unnest(q.entries) AS entry
          WHERE q.asked_at >= ${from} AND q.asked_at < ${to} AND strpos(entry, ':') > 0
          GROUP BY entry
        ) ranked
        WHERE rank <= ${limit}
        ORDER BY type, count DESC, id`;
    },

    topIntents({ from, to }: InsightsPeriod, limit: number): Promise<Array<{ intent: string; count: number }>> {
      return prisma.$queryRaw<Array<{ intent: string; count: number }>>`
        SELECT intent, count(*)::int AS count FROM questions
        WHERE asked_at >= ${from} AND asked_at < ${to}
        GROUP BY intent ORDER BY count DESC, intent LIMIT ${limit}`;
    },

    /** The latest UNANSWERED_CAP unknown questions with their text (artisans' status questions keep none). */
    async unanswered({ from, to }: InsightsPeriod, cap = UNANSWERED_CAP): Promise<UnansweredQuestion[]> {
      const rows = await prisma.question.findMany({
        where: { unknown: true, askedAt: { gte: from, lt: to }, folded: { not: null }, text: { not: null } },
        select: { folded: true, text: true, askedAt: true },
        orderBy: { askedAt: 'desc' },
        take: cap,
      });
      return rows.map((row) => ({ folded: row.folded!, text: row.text!, askedAt: row.askedAt }));
    },
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;
