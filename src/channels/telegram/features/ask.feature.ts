// Free text → the Q&A engine → the same answer /api/ask gives.
import { Composer, type Context } from 'grammy';
import type { TelegramDeps } from '../bot.js';

export function askFeature(deps: Pick<TelegramDeps, 'engine'>): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx) => {
    const answer = deps.engine.ask({ text: ctx.message.text });
    await ctx.reply(answer.text);
  });
  return composer;
}
