// The insights of a period: questions, distinct visitors, the share answered, questions per Hanoi day ×
// channel × language, and what was asked most (villages, crafts, products, routes, intents), named from the
// handbook. An entry no longer in the handbook keeps its id as its name.
import type { InsightsPeriod } from '../../data/insights-repository.js';
import type { InsightsDeps } from './deps.js';
import { handbookEntries, ENTRY_TYPES, type EntryType } from './handbook-names.js';

export const TOP_COUNT = 10;

export interface TopEntry {
  id: string;
  name: { vi: string; en: string };
  count: number;
}

export async function computeInsights(deps: InsightsDeps, period: InsightsPeriod) {
  const [totals, byDay, entries, topIntents, snapshot] = await Promise.all([
    deps.insights.totals(period),
    deps.insights.byDay(period),
    deps.insights.topEntries(period, TOP_COUNT),
    deps.insights.topIntents(period, TOP_COUNT),
    deps.handbook(),
  ]);
  const known = handbookEntries(snapshot);
  const top = (type: EntryType): TopEntry[] => {
    const names = new Map(known[type].map((entry) => [entry.id, entry.name]));
    return entries.filter((e) => e.type === type).map((e) => ({ id: e.id, name: names.get(e.id) ?? { vi: e.id, en: e.id }, count: e.count }));
  };
  const [topVillages, topCrafts, topProducts, topRoutes] = ENTRY_TYPES.map(top) as [TopEntry[], TopEntry[], TopEntry[], TopEntry[]];
  const byChannel = new Map<string, number>();
  const byLang = new Map<string, number>();
  for (const row of byDay) {
    byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + row.count);
    byLang.set(row.lang, (byLang.get(row.lang) ?? 0) + row.count);
  }
  const counted = (counts: Map<string, number>, key: string) =>
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ [key]: value, count }));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    questions: totals.questions,
    visitors: totals.visitors,
    answered: totals.answered,
    /** Answered questions over all of them (0 to 1); null when there were none. */
    answeredShare: totals.questions ? totals.answered / totals.questions : null,
    byDay,
    byChannel: counted(byChannel, 'channel') as Array<{ channel: string; count: number }>,
    byLang: counted(byLang, 'lang') as Array<{ lang: string; count: number }>,
    topVillages,
    topCrafts,
    topProducts,
    topRoutes,
    topIntents,
  };
}

export type Insights = Awaited<ReturnType<typeof computeInsights>>;
