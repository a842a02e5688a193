// Renders the dialogue's replies with Telegram's means: inline keyboards, messages edited in place,
// venues, a "share location" keyboard button, and a reply's picture as a photo with the text as caption.
import { GrammyError, InlineKeyboard, Keyboard, type Context } from 'grammy';
import type { Message } from 'grammy/types';
import { splitText } from '../../conversation/fit-text.js';
import type { Button, Reply } from '../../conversation/types.js';
import { TELEGRAM_CAPTION_LIMIT } from '../../domain/publishing/telegram-limits.js';
import type { Messages } from '../../i18n/messages.js';
import type { Lang } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { PhotoFiles } from './photo-files.js';

export function inlineKeyboard(rows: Button[][] | undefined, items: Button[] = []): InlineKeyboard | undefined {
  rows = [...items.map((item) => [item]), ...(rows ?? [])];
  if (!rows.length) return undefined;
  return InlineKeyboard.from(rows.map((row) => row.map((b) => ('url' in b ? InlineKeyboard.url(b.label, b.url) : InlineKeyboard.text(b.label, b.action)))));
}

const notModified = (error: unknown) => error instanceof GrammyError && /message is not modified/i.test(error.description);
const refused = (error: unknown) => error instanceof GrammyError && error.error_code === 400;
const noPreview = { is_disabled: true } as const;

/**
 * A photo's caption holds 1024 characters: a longer text keeps its first paragraph (a card's heading: the
 * village, its crafts and address, its vlog) under the photo and follows in a message of its own, so the
 * card reads on as one instead of in 1024-character slices.
 */
export function captionAndRest(text: string, limit = TELEGRAM_CAPTION_LIMIT): { caption: string; rest?: string } {
  const whole = text.trim();
  if (whole.length <= limit) return { caption: whole };
  const paragraph = whole.indexOf('\n\n');
  const caption = paragraph > 0 && paragraph <= limit ? whole.slice(0, paragraph) : splitText(whole, limit)[0]!;
  return { caption, rest: whole.slice(caption.length).trim() || undefined };
}

/** The largest size of a sent photo: the one Telegram sends again by its file_id. */
const fileIdOf = (message: Message | true) => (message === true ? undefined : message.photo?.at(-1)?.file_id);

export interface RenderOptions {
  messages: Messages;
  lang: Lang;
  /** Where the replies' pictures come from; without it, replies go as text (their text names the vlog). */
  photos?: PhotoFiles;
  log?: Logger;
}

export async function render(ctx: Context, replies: Reply[], options: RenderOptions): Promise<void> {
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
    if (reply.photo && options.photos && (await sendPhoto(ctx, reply, reply_markup, options))) continue;
    // Paging a list edits the message whose button was pressed; a photo cannot become text: a new message.
    if (reply.edit && ctx.callbackQuery?.message && !ctx.callbackQuery.message.photo) {
      try {
        await ctx.editMessageText(reply.text, { reply_markup, link_preview_options: noPreview });
        continue;
      } catch (error) {
        if (notModified(error)) continue;
        // Too old to edit, or not a text message: send it as a new one.
      }
    }
    await ctx.reply(reply.text, { reply_markup, link_preview_options: noPreview });
  }
  // Every pressed button is answered, or its spinner would keep turning.
  if (ctx.callbackQuery) await ctx.answerCallbackQuery(notice ? { text: notice } : undefined);
}

/**
 * The reply as a photo captioned with its text, the keyboard under its last message; false when the picture
 * cannot be had or Telegram refuses it, and the reply goes as text instead.
 */
async function sendPhoto(ctx: Context, reply: Reply, reply_markup: InlineKeyboard | undefined, options: RenderOptions): Promise<boolean> {
  const { photos, log } = options;
  const url = reply.photo!.url;
  const { caption, rest } = captionAndRest(reply.text);
  // A photo pressed to page replaces its picture and caption in place; a text message cannot become a photo.
  let inPlace = Boolean(reply.edit && ctx.callbackQuery?.message?.photo && !rest);
  let upload = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    const source = await photos!.source(url, { upload });
    if (!source) {
      log?.warn({ url }, 'telegram: the picture is not in MEDIA_DIR; the reply goes as text');
      return false;
    }
    try {
      const sent = inPlace
        ? await ctx.editMessageMedia({ type: 'photo', media: source.media, caption }, { reply_markup })
        : await ctx.replyWithPhoto(source.media, { caption, reply_markup: rest ? undefined : reply_markup });
      const fileId = fileIdOf(sent);
      if (fileId && typeof source.media !== 'string') await photos!.remember(source.key, fileId);
      if (rest) await ctx.reply(rest, { reply_markup, link_preview_options: noPreview });
      return true;
    } catch (error) {
      if (notModified(error)) return true;
      if (!refused(error)) throw error;
      if (inPlace) {
        // Too old to edit, say: a new message.
        inPlace = false;
      } else if (typeof source.media === 'string') {
        // A file_id Telegram no longer knows: upload the file again.
        await photos!.forget(source.key);
        upload = true;
      } else {
        log?.warn({ err: error, url }, 'telegram refused the picture; the reply goes as text');
        return false;
      }
    }
  }
  return false;
}
