// The question log is kept QUESTION_LOG_DAYS: older questions are deleted (daily, by the maintenance worker).
import type { Logger } from '../../logger.js';
import type { QuestionRepository } from '../../data/question-repository.js';

export interface PurgeQuestionsDeps {
  questions: Pick<QuestionRepository, 'purgeOlderThan'>;
  /** How many days of questions are kept. */
  days: number;
  logger: Logger;
}

export async function purgeQuestions(deps: PurgeQuestionsDeps, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - deps.days * 24 * 3600_000);
  const purged = await deps.questions.purgeOlderThan(before);
  deps.logger.info({ purged, before: before.toISOString() }, 'question log purged');
  return purged;
}
