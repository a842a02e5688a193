// The engine against the question sets: fails below 95 % top-1 accuracy or 95 % out-of-scope precision.
import { describe, expect, it } from 'vitest';
import { AskEngine } from '../../src/ask/engine.js';
import { Knowledge } from '../../src/ask/knowledge.js';
import { loadHandbook } from '../../src/content/load.js';
import { Messages } from '../../src/i18n/messages.js';
import { countQuestions, loadQuestionSet, runQuestionSet, score } from '../helpers/question-set.js';

const engine = new AskEngine(new Knowledge(loadHandbook('content')), new Messages('content/locales'));
const sets = {
  main: loadQuestionSet('test/fixtures/ask-questions.yaml'),
  'held-out': loadQuestionSet('test/fixtures/ask-questions-heldout.yaml'),
};
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

describe('question sets', () => {
  it('hold at least 250 questions', () => {
    expect(countQuestions(sets.main)).toBeGreaterThanOrEqual(250);
  });

  it.each(Object.keys(sets) as Array<keyof typeof sets>)('%s set: at least 95 %% right, and "no answer" only when there is none', (name) => {
    const result = score(runQuestionSet(engine, sets[name]));
    console.log(
      `${name} question set: ${result.questions} questions; top-1 accuracy ${pct(result.top1)}; ` +
        `out-of-scope precision ${pct(result.outOfScopePrecision)}, recall ${pct(result.outOfScopeRecall)}`,
    );
    for (const o of result.wrong) {
      console.log(
        `  ✗ ${JSON.stringify(o.question.q)} expected ${o.question.intent}/${o.question.id ?? '-'} got ${o.answer.intent}/${o.answer.items[0]?.id ?? '-'}`,
      );
    }
    expect(result.top1).toBeGreaterThanOrEqual(0.95);
    expect(result.outOfScopePrecision).toBeGreaterThanOrEqual(0.95);
    expect(result.outOfScopeRecall).toBeGreaterThanOrEqual(0.95);
  });
});
