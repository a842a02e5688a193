// The Q&A use cases bound to the engine, the conversations' memory and the translator: /api/ask calls it.
import type { AskContext, AskInput } from '../../ask/engine.js';
import { answerQuestion, askWithContext, type AskDeps, type Question } from './answer-question.js';
import type { QuestionSource } from '../../domain/insights/question-record.js';

export function createAskService(deps: AskDeps) {
  return {
    answer: (question: Question, source?: QuestionSource) => answerQuestion(deps, question, source),
    askWithContext: (question: AskInput, context: AskContext, source?: QuestionSource) => askWithContext(deps, question, context, source),
  };
}

export type AskService = ReturnType<typeof createAskService>;
