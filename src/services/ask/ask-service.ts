// The Q&A use cases bound to the engine, the conversations' memory and the translator: /api/ask calls it.
import type { AskContext, AskInput } from '../../ask/engine.js';
import { answerQuestion, askWithContext, type AskDeps, type Question } from './answer-question.js';

export function createAskService(deps: AskDeps) {
  return {
    answer: (question: Question) => answerQuestion(deps, question),
    askWithContext: (question: AskInput, context: AskContext) => askWithContext(deps, question, context),
  };
}

export type AskService = ReturnType<typeof createAskService>;
