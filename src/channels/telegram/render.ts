// Renders the dialogue's replies with Telegram's means: inline keyboards, messages edited in place,
// venues, a "share location" keyboard button.
import { GrammyError, InlineKeyboard, Keyboard, type Context } from 'grammy';
import type { Button, Reply } from '../../conversation/types.js';
import type { Messages } from '../../i18n/messages.js';
import type { Lang } from '../../i18n/messages.js';

export function inlineKeyboard(rows: Button[][] | undefined, items: Button[] = []): InlineKeyboard | undefined {
  rows = [...items.map((item) => [item]), ...(rows ?? [])];
  if (!rows.length) return undefined;
  return InlineKeyboard.from(rows.map((row) => row.map((b) => ('url' in b ? InlineKeyboard.url(b.label, b.url) : InlineKeyboard.text(b.label, b.action)))));
}

const notModified = (error: unknown) => error instanceof GrammyError && /message is not modified/i.test(error.description);

export async function render(ctx: Context, replies: Reply[], options: { messages: Messages; lang: Lang }): Promise<void> {
  let notice: string | undefined;
  for (const reply of replies) {
    notice ??= reply.notice;
    if (reply.venue) {
      await ctx.replyWithVenue(reply.venue.lat, reply.venue.lon, reply.venue.title, reply.venue.address);
      if (!reply.text) continue;
    }
    if (reply.requestLocation || reply.requestContact) {
      const keyboard = reply.requestContact
        ? new Keyboard().requestContact(options.messages.t(options.lang, 'artisan-share-phone')).resized().oneTime()
        : new Keyboard().requestLocation(options.messages.t(options.lang, 'chat-share-location')).resized().oneTime();
      await ctx.reply(reply.text, { reply_markup: keyboard });
      continue;
    }
    const reply_markup = inlineKeyboard(reply.buttons, reply.items);
    // Paging a list edits the message whose button was pressed.
    if (reply.edit && ctx.callbackQuery?.message) {
      try {
        await ctx.editMessageText(reply.text, { reply_markup, link_preview_options: { is_disabled: true } });
        continue;
      } catch (error) {
        if (notModified(error)) continue;
        // Too old to edit, or not a text message: send it as a new one.
      }
    }
    await ctx.reply(reply.text, { reply_markup, link_preview_options: { is_disabled: true } });
  }
  // Every pressed button is answered, or its spinner would keep turning.
  if (ctx.callbackQuery) await ctx.answerCallbackQuery(notice ? { text: notice } : undefined);
}
