// The unanswered questions of a period, grouped by similar wording (domain/insights/group-questions.ts):
// the latest UNANSWERED_CAP of them, most asked group first.
import type { InsightsPeriod } from '../../data/insights-repository.js';
import { groupQuestions, type QuestionGroup } from '../../domain/insights/group-questions.js';
import type { InsightsDeps } from './deps.js';

export async function listUnanswered(deps: InsightsDeps, period: InsightsPeriod): Promise<QuestionGroup[]> {
  return groupQuestions(await deps.insights.unanswered(period));
}
