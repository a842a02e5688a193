// Free text → the Q&A engine → the same answer /api/ask gives.
import { Composer, type Context } from 'grammy';
import type { TelegramDeps } from '../bot.js';
import { answerQuestion } from '../../../services/ask/answer-question.js';

export function askFeature(deps: Pick<TelegramDeps, 'ask'>): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx) => {
    const answer = await answerQuestion(deps.ask, { text: ctx.message.text, conversation: `telegram:${ctx.chat.id}` });
    await ctx.reply(answer.text);
  });
  return composer;
}
