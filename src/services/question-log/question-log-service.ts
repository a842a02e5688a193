// The question log's use cases bound to its repository: the maintenance worker calls purge daily.
import type { Logger } from '../../logger.js';
import type { QuestionRepository } from '../../data/question-repository.js';
import { purgeQuestions } from './purge-questions.js';

export function createQuestionLogService(deps: { questions: Pick<QuestionRepository, 'purgeOlderThan'>; days: number; logger: Logger }) {
  return {
    /** Deletes the questions older than QUESTION_LOG_DAYS; returns how many went. */
    purge: (now?: Date) => purgeQuestions(deps, now),
  };
}

export type QuestionLogService = ReturnType<typeof createQuestionLogService>;
