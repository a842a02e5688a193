// The dialogue on Telegram: commands, buttons, locations, shared contacts and text become the dialogue's
// terms, and its replies are rendered with Telegram's means. It goes last: it answers what is left.
import { Composer } from 'grammy';
import { clientLanguage, type Dialogue } from '../../../conversation/dialogue.js';
import type { ChatState, Command, Incoming } from '../../../conversation/types.js';
import type { Messages } from '../../../i18n/messages.js';
import type { Logger } from '../../../logger.js';
import type { BotContext } from '../bot.js';
import type { PhotoFiles } from '../photo-files.js';
import { render } from '../render.js';

export const commands: Command[] = ['start', 'help', 'language', 'villages', 'routes', 'nearby', 'menu', 'products', 'status', 'link', 'unlink'];

export interface DialogueFeatureDeps {
  dialogue: Dialogue;
  messages: Messages;
  /** Pictures (a village's vlog poster) uploaded once, then sent by file_id. */
  photos?: PhotoFiles;
  /** Tells whether debug lines are wanted (each update's own logger is ctx.log). */
  logger?: Logger;
}

export function dialogueFeature(deps: DialogueFeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const run = async (ctx: BotContext, incoming: Incoming) => {
    // Records are shown only in a private chat, to the person it belongs to.
    const privateChat = ctx.chat?.type === 'private';
    const outcome = await deps.dialogue.handle(stateOf(ctx), incoming, {
      languageCode: ctx.from?.language_code,
      firstName: ctx.from?.first_name,
      identity: privateChat ? { channel: 'telegram', chatId: String(ctx.chat!.id) } : undefined,
      canShareContact: privateChat,
      chatKey: ctx.chat ? String(ctx.chat.id) : undefined,
    });
    if (ctx.chat) ctx.session = outcome.state;
    if (deps.logger?.isLevelEnabled('debug')) ctx.log.debug({ incoming: incoming.type, replies: outcome.replies.length }, 'telegram dialogue answered');
    await render(ctx, outcome.replies, {
      messages: deps.messages,
      lang: outcome.state.lang ?? clientLanguage(ctx.from?.language_code),
      photos: deps.photos,
      // The update's logger only if a warning needs it.
      get log() {
        return ctx.log;
      },
    });
  };

  // One cheap look first: most updates are not commands, and each command's filter is a layer to pass.
  const commandsOnly = composer.filter((ctx) => (ctx.msg?.text ?? ctx.msg?.caption)?.startsWith('/') === true);
  for (const command of commands)
    commandsOnly.command(command, (ctx) => run(ctx, { type: 'command', command, argument: typeof ctx.match === 'string' ? ctx.match : undefined }));
  // A shared phone number counts only when it is the sender's own contact.
  composer.on('message:contact', (ctx) =>
    run(ctx, {
      type: 'contact',
      phone: ctx.message.contact.phone_number,
      own: ctx.message.contact.user_id !== undefined && ctx.message.contact.user_id === ctx.from.id,
    }),
  );
  composer.on('callback_query:data', (ctx) => run(ctx, { type: 'action', data: ctx.callbackQuery.data }));
  composer.on(['message:location', 'message:venue'], (ctx) => {
    const { latitude, longitude } = ctx.message.venue?.location ?? ctx.message.location!;
    return run(ctx, { type: 'location', lat: latitude, lon: longitude });
  });
  // In groups, only messages addressed to the bot: a mention or a reply to it.
  composer.on('message:text', (ctx) => {
    const group = ctx.chat.type !== 'private';
    const username = ctx.me.username;
    const mentioned = ctx.message.text.includes(`@${username}`) || ctx.message.reply_to_message?.from?.id === ctx.me.id;
    if (group && !mentioned) return;
    const text = ctx.message.text.replace(new RegExp(`@${username}\\b`, 'g'), '').trim();
    return run(ctx, { type: 'text', text: text || ctx.message.text });
  });
  // Any other callback query still gets its answer.
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  return composer;
}

/** The chat's state; an update with no chat (an inline message's button) has none to keep. */
export function stateOf(ctx: BotContext): ChatState {
  if (!ctx.chat) return {};
  try {
    return ctx.session ?? {};
  } catch {
    return {};
  }
}
