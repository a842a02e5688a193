// The dialogue on Telegram: commands, buttons, locations, shared contacts and text become the dialogue's
// terms, and its replies are rendered with Telegram's means. It goes last: it answers what is left.
import { Composer, matchFilter } from 'grammy';
import { clientLanguage, type Dialogue } from '../../../conversation/dialogue.js';
import type { ChatState, Command, Incoming } from '../../../conversation/types.js';
import type { Messages } from '../../../i18n/messages.js';
import type { Logger } from '../../../logger.js';
import type { BotContext } from '../bot.js';
import type { PhotoFiles } from '../photo-files.js';
import { onlyIf } from '../only.js';
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

  // Commands are few: only a text or caption that starts with "/" passes through their filters; an unknown
  // command goes on as text.
  const commandHandlers = new Composer<BotContext>();
  for (const command of commands)
    commandHandlers.command(command, (ctx) => run(ctx, { type: 'command', command, argument: typeof ctx.match === 'string' ? ctx.match : undefined }));
  composer.use(onlyIf((ctx) => (ctx.msg?.text ?? ctx.msg?.caption)?.startsWith('/') === true, commandHandlers));
  // The rest in one layer (each layer is closures and promises an update allocates): what came in, in the
  // dialogue's terms, or nothing that is ours.
  composer.use((ctx, next) => {
    const incoming = incomingOf(ctx);
    if (incoming) return run(ctx, incoming);
    // Any other callback query still gets its answer.
    if (ctx.callbackQuery) return ctx.answerCallbackQuery();
    if (!isText(ctx)) return next();
  });
  return composer;
}

const isContact = matchFilter('message:contact');
const isAction = matchFilter('callback_query:data');
const isPlace = matchFilter(['message:location', 'message:venue']);
const isText = matchFilter('message:text');

/** The update as the dialogue's input; undefined when it is none (or a group message not addressed to the bot). */
function incomingOf(ctx: BotContext): Incoming | undefined {
  // A shared phone number counts only when it is the sender's own contact.
  if (isContact(ctx)) {
    const { contact } = ctx.message;
    return { type: 'contact', phone: contact.phone_number, own: contact.user_id !== undefined && contact.user_id === ctx.from.id };
  }
  if (isAction(ctx)) return { type: 'action', data: ctx.callbackQuery.data };
  if (isPlace(ctx)) {
    const { latitude, longitude } = ctx.message.venue?.location ?? ctx.message.location!;
    return { type: 'location', lat: latitude, lon: longitude };
  }
  if (!isText(ctx)) return undefined;
  // In groups, only messages addressed to the bot: a mention or a reply to it.
  const mention = `@${ctx.me.username}`;
  const mentioned = ctx.message.text.includes(mention);
  if (ctx.chat.type !== 'private' && !mentioned && ctx.message.reply_to_message?.from?.id !== ctx.me.id) return undefined;
  const text = mentioned ? ctx.message.text.replace(new RegExp(`${mention}\\b`, 'g'), '').trim() : ctx.message.text.trim();
  return { type: 'text', text: text || ctx.message.text };
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
