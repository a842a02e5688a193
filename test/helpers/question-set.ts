// Runs the question set (test/fixtures/ask-questions.yaml) through an engine and scores it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AskContext, AskEngine, Answer } from '../../src/ask/engine.js';

export interface Question {
  q: string;
  intent: string | string[];
  id?: string;
  kind?: string;
  location?: [number, number];
}
type Entry = Question | { conversation: Question[] };

export interface Outcome {
  question: Question;
  answer: Answer;
  correct: boolean;
}

export function loadQuestionSet(path = 'test/fixtures/ask-questions.yaml'): Entry[] {
  return parse(readFileSync(path, 'utf8')) as Entry[];
}

export function countQuestions(entries: Entry[]): number {
  return entries.reduce((n, e) => n + ('conversation' in e ? e.conversation.length : 1), 0);
}

export function runQuestionSet(engine: AskEngine, entries: Entry[]): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const entry of entries) {
    let context: AskContext = {};
    for (const question of 'conversation' in entry ? entry.conversation : [entry]) {
      const location = question.location ? { lat: question.location[0], lon: question.location[1] } : undefined;
      const result = engine.ask({ text: question.q, location }, context);
      context = result.context;
      const intents = Array.isArray(question.intent) ? question.intent : [question.intent];
      const correct = intents.includes(result.answer.intent) && (!question.id || result.answer.items[0]?.id === question.id);
      outcomes.push({ question, answer: result.answer, correct });
    }
  }
  return outcomes;
}

export function score(outcomes: Outcome[]) {
  const isOutOfScope = (o: Outcome) => o.question.intent === 'unknown';
  const inScope = outcomes.filter((o) => !isOutOfScope(o));
  const predictedUnknown = outcomes.filter((o) => o.answer.intent === 'unknown');
  const outOfScope = outcomes.filter(isOutOfScope);
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    questions: outcomes.length,
    top1: ratio(inScope.filter((o) => o.correct).length, inScope.length),
    outOfScopePrecision: ratio(predictedUnknown.filter(isOutOfScope).length, predictedUnknown.length),
    outOfScopeRecall: ratio(outOfScope.filter((o) => o.answer.intent === 'unknown').length, outOfScope.length),
    wrong: outcomes.filter((o) => !o.correct),
  };
}
