// The insights' use cases bound to their dependencies: what the JSON API and the console's insights page call.
import type { InsightsPeriod } from '../../data/insights-repository.js';
import type { InsightsDeps } from './deps.js';
import { computeInsights } from './compute-insights.js';
import { listUnanswered } from './list-unanswered.js';
import { handbookEntries } from './handbook-names.js';

export function createInsightsService(deps: InsightsDeps) {
  return {
    compute: (period: InsightsPeriod) => computeInsights(deps, period),
    unanswered: (period: InsightsPeriod) => listUnanswered(deps, period),
    /** What a phrasing can be taught to point at: the handbook's villages, crafts, products and routes. */
    teachableEntries: async () => handbookEntries(await deps.handbook()),
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
