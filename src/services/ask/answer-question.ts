// A question from any channel → an answer: the language decided, other languages translated through
// Google (cached), the conversation's memory loaded and saved around the engine. It never fails for
// want of translation or memory: it answers in English and says so.
import type { AskContext, AskEngine, Answer, AskInput } from '../../ask/engine.js';
import { detectLanguage, fold } from '../../ask/normalize.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Translator } from '../../domain/translation/translator.js';
import type { ConversationStore } from './conversation-store.js';
import type { QuestionRecorder, QuestionSource } from '../../domain/insights/question-record.js';

export interface AskDeps {
  engine: AskEngine;
  messages: Messages;
  conversations: ConversationStore;
  translator?: Translator;
  logger: Logger;
  /** The question log: every question asked with a source is recorded. */
  recorder?: QuestionRecorder;
}

export interface Question extends AskInput {
  conversation?: string;
}

/** A language code reduced to its base ("vi-VN" → "vi"), or undefined. */
const baseLanguage = (lang: string | undefined) => lang?.toLowerCase().split(/[-_]/)[0] || undefined;

export async function answerQuestion(deps: AskDeps, question: Question, source?: QuestionSource): Promise<Answer> {
  const context = question.conversation ? await deps.conversations.get(question.conversation) : {};
  const result = await askWithContext(deps, question, context, source);
  if (question.conversation) await deps.conversations.set(question.conversation, result.context);
  return result.answer;
}

/** The same, for channels that keep the conversation's memory themselves (Telegram's session). With a source
 *  (the channel and chat that asked), the question goes to the question log; internal calls give none. */
export async function askWithContext(
  deps: AskDeps,
  question: AskInput,
  context: AskContext,
  source?: QuestionSource,
): Promise<{ answer: Answer; context: AskContext }> {
  if (!source || !deps.recorder) return askInAnyLanguage(deps, question, context);
  const started = performance.now();
  const result = await askInAnyLanguage(deps, question, context);
  const { answer } = result;
  deps.recorder.record({
    channel: source.channel,
    chat: source.chat,
    lang: answer.lang,
    text: question.text,
    folded: fold(question.text),
    intent: answer.intent,
    entries: answer.items.map((item) => `${item.type}:${item.id}`),
    unknown: answer.intent === 'unknown',
    latencyMs: performance.now() - started,
  });
  return result;
}

async function askInAnyLanguage(deps: AskDeps, question: AskInput, context: AskContext): Promise<{ answer: Answer; context: AskContext }> {
  const asked = baseLanguage(question.lang);
  const detected = asked ?? detectLanguage(question.text);

  if (detected === 'vi' || detected === 'en') return deps.engine.ask({ ...question, lang: detected }, context);
  return askInOtherLanguage(deps, question, detected === 'other' ? undefined : detected, context);
}

async function askInOtherLanguage(deps: AskDeps, question: AskInput, source: string | undefined, context: AskContext) {
  if (deps.translator) {
    try {
      const english = await deps.translator.translate(question.text, 'en', source);
      const from = baseLanguage(english.sourceLang) ?? source;
      // Our guess was wrong: the question is Vietnamese or English after all.
      if (from === 'vi' || from === 'en') return deps.engine.ask({ ...question, lang: from }, context);
      const result = deps.engine.ask({ ...question, text: english.text, lang: 'en' }, context);
      if (!from) return result;
      const back = await deps.translator.translate(result.answer.text, from, 'en');
      return { ...result, answer: { ...result.answer, lang: from, text: back.text } };
    } catch (error) {
      deps.logger.warn({ err: error }, 'translation failed; answering in English');
    }
  }
  const result = deps.engine.ask({ ...question, lang: 'en' }, context);
  return { ...result, answer: { ...result.answer, text: `${result.answer.text}\n\n${deps.messages.t('en', 'ask-translation-off')}` } };
}
