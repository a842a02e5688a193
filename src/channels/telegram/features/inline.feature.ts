// Inline mode: "@<bot> bat trang" in any chat offers village and route cards to share.
import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { BotContext, TelegramDeps } from '../bot.js';
import { only } from '../only.js';
import { inlineKeyboard } from '../render.js';

export function inlineFeature(deps: Pick<TelegramDeps, 'dialogue'>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    only('inline_query', async (ctx) => {
      const cards = await deps.dialogue.inline(ctx.inlineQuery.query.slice(0, 256), ctx.from.language_code);
      const results: InlineQueryResultArticle[] = cards.map((card) => ({
        type: 'article',
        id: card.id.slice(0, 64),
        title: card.title,
        description: card.description,
        input_message_content: { message_text: card.text.slice(0, 4096), link_preview_options: { is_disabled: true } },
        reply_markup: inlineKeyboard(card.buttons),
      }));
      await ctx.answerInlineQuery(results, { cache_time: 300 });
    }),
  );
  return composer;
}
