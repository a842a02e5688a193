// createBot(deps): the Telegram bot — the API's plugins, the session, one error boundary, and the features
// (inline mode, staff uploads, the dialogue); main.ts decides whether it runs by webhook or by polling.
import { Bot, Composer, Context, session, type BotError, type SessionFlavor } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler, bypassThrottler } from '@grammyjs/transformer-throttler';
import type { Redis } from 'ioredis';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from '../../logger.js';
import type { Messages } from '../../i18n/messages.js';
import { clientLanguage, type Dialogue } from '../../conversation/dialogue.js';
import type { ChatState } from '../../conversation/types.js';
import { inlineFeature } from './features/inline.feature.js';
import { dialogueFeature, stateOf } from './features/dialogue.feature.js';
import { createPhotoFiles } from './photo-files.js';
import { redisSessionStorage } from './session-storage.js';

export interface LogFlavor {
  /** The logger of this update: every line carries its update id. */
  log: Logger;
}

export type BotContext = Context & SessionFlavor<ChatState> & LogFlavor;

export interface TelegramDeps {
  token: string;
  apiRoot: string;
  dialogue: Dialogue;
  messages: Messages;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  /** Answer the first message of an update in the webhook's HTTP response (saves a call). */
  webhookReply?: boolean;
  botInfo?: UserFromGetMe;
  /** Handlers that go before the dialogue (staff uploads); each passes on what is not theirs. */
  features?: Composer<BotContext>[];
  /** MEDIA_DIR: the pictures replies carry (vlog posters) are uploaded from here. */
  mediaDir?: string;
}

export function createBot(deps: TelegramDeps): Bot<BotContext> {
  // Every line an update logs carries its id; the child logger is made on first use, as most updates log nothing.
  class LoggingContext extends Context {
    #log?: Logger;
    get log(): Logger {
      return (this.#log ??= deps.logger.child({ updateId: this.update.update_id }));
    }
  }
  const bot = new Bot<BotContext>(deps.token, {
    ContextConstructor: LoggingContext as unknown as new (...args: ConstructorParameters<typeof Context>) => BotContext,
    botInfo: deps.botInfo,
    client: {
      apiRoot: deps.apiRoot,
      timeoutSeconds: 30,
      canUseWebhookReply: deps.webhookReply ? (method) => method === 'sendMessage' : undefined,
    },
  });
  // Flood limits: keep under them (throttler: global, per group, per chat), and wait as told when one is
  // hit anyway (auto-retry). The first answer to a user's own update goes out at once (grammY's
  // bypassThrottler); what follows it in the same update, and what we send unasked, is throttled.
  bot.api.config.use(apiThrottler());
  // Enough tries to outlast a minute of 429s and 5xx (network errors are retried anyway, with backoff).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 30, maxDelaySeconds: 120 }));
  // In order within a chat (the session's key), concurrent across chats: the runner needs it for polling.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  const chatSession = session<ChatState, BotContext>({
    initial: (): ChatState => ({}),
    getSessionKey: (ctx) => (ctx.chat ? String(ctx.chat.id) : undefined),
    storage: redisSessionStorage<ChatState>(deps.redis, `${deps.keyPrefix}:telegram:session:`, 90 * 24 * 3600),
  });
  // One layer for what every update goes through (each layer is closures and promises an update allocates):
  // the throttler's bypass, the update dedupe and the session. Telegram redelivers an update whose answer was
  // slow or failed: each update_id is handled once. The claim runs while the session loads, and is awaited
  // before anything is answered.
  bot.use((ctx, next) => {
    const id = ctx.update.update_id;
    const claim = typeof id === 'number' ? deps.redis.set(`${deps.keyPrefix}:telegram:update:${id}`, '1', 'EX', 24 * 3600, 'NX') : Promise.resolve('OK');
    const firstSeen = claim.then((reply) => reply === 'OK').catch(() => true);
    return bypassThrottler(ctx, async () => {
      await chatSession(ctx, async () => {
        if (await firstSeen) return next();
        ctx.log.info('telegram update already handled');
      });
    });
  });
  // One error boundary, for webhook and polling alike (bot.catch alone serves only polling): log with
  // the update id, apologise in the user's language; the update is still acknowledged.
  const onError = async (error: BotError<BotContext>) => {
    const ctx = error.ctx;
    ctx.log.error({ err: error.error }, 'telegram update failed');
    const lang = stateOf(ctx).lang ?? clientLanguage(ctx.from?.language_code);
    if (ctx.chat) await ctx.reply(deps.messages.t(lang, 'chat-apology')).catch(() => {});
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
  };
  const photos = deps.mediaDir ? createPhotoFiles({ redis: deps.redis, keyPrefix: deps.keyPrefix, mediaDir: deps.mediaDir }) : undefined;
  bot.errorBoundary(onError, inlineFeature(deps), ...(deps.features ?? []), dialogueFeature({ ...deps, photos }));
  bot.catch(onError);
  return bot;
}
