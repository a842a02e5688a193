// The server role: the HTTP server (API, console, pages, webhooks), the Telegram bot (webhook or polling)
// and the Zalo channel, on the services the composition root built.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { run } from '@grammyjs/runner';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Messages } from '../i18n/messages.js';
import type { Queues } from '../jobs/queues.js';
import type { Services } from '../services/services.js';
import type { StageBook } from '../services/artisans/stages.js';
import type { AskDeps } from '../services/ask/answer-question.js';
import { createBot, type BotContext } from '../channels/telegram/bot.js';
import type { Bot } from 'grammy';
import { staffFeature } from '../channels/telegram/features/staff.feature.js';
import { createZalo, type ZaloOa } from '../channels/zalo/create-zalo.js';
import { createDialogue, type Dialogue } from '../conversation/dialogue.js';
import type { ChatChannel, Metrics } from '../observability/metrics.js';
import { villageNamed } from '../ask/village-named.js';
import { createWebChat } from '../channels/web/web-chat.js';
import { createWebChatStates } from '../channels/web/chat-state.js';
import { createServer } from '../http/server.js';
import { closeServer } from '../http/close-server.js';

export interface ServerRoleDeps {
  config: Config;
  logger: Logger;
  services: Services;
  messages: Messages;
  stages: StageBook;
  ask: AskDeps;
  queues: Queues;
  /** Chat state and rate limits: fails fast while Redis is away. */
  chatRedis: Redis;
  zaloOa: ZaloOa | undefined;
  metrics: Metrics;
}

export interface ServerRole {
  server: FastifyInstance;
  url: string;
  /** Resolves when the chat events received so far have been handled. */
  settled(): Promise<void>;
  /** In the order they must run: stop taking updates, then the server, then what is still being handled. */
  closers: Array<() => Promise<unknown>>;
}

export async function startServerRole(deps: ServerRoleDeps): Promise<ServerRole> {
  const { config, logger, services, messages } = deps;
  const artisans = services.artisans.desk;
  // Each update a channel hands to the dialogue counts in chat_updates_total (Telegram's redeliveries are dropped before).
  const counted = (channel: ChatChannel, dialogue: Dialogue): Dialogue => ({
    ...dialogue,
    handle: (...args) => (deps.metrics.chatUpdate(channel), dialogue.handle(...args)),
  });
  // The question log (the engine's answers are recorded through deps.ask; artisans' status questions through the dialogue).
  const recorder = deps.ask.recorder;
  let bot: Bot<BotContext> | undefined;
  if (config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_MODE !== 'off') {
    bot = createBot({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      dialogue: counted(
        'telegram',
        createDialogue({ ask: deps.ask, messages, artisans, textLimit: 4096, latestVlog: services.publishing.latestVlog, channel: 'telegram', recorder }),
      ),
      messages,
      redis: deps.chatRedis,
      mediaDir: config.MEDIA_DIR,
      keyPrefix: config.QUEUE_PREFIX,
      logger,
      webhookReply: config.TELEGRAM_MODE === 'webhook' && config.TELEGRAM_WEBHOOK_REPLY,
      features: [
        staffFeature({
          clips: services.clips,
          staffChats: services.staffChats,
          messages,
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          villageNamed: (line) => villageNamed(deps.ask.engine.knowledge, line),
        }),
      ],
    });
  }
  const zalo = createZalo(config, {
    oa: deps.zaloOa,
    redis: deps.chatRedis,
    messages,
    logger,
    dialogue: counted(
      'zalo',
      createDialogue({
        ask: deps.ask,
        messages,
        artisans,
        textLimit: 2000,
        pageSize: 5,
        vlogs: { subscribe: services.publishing.subscribe, unsubscribe: services.publishing.unsubscribe },
        latestVlog: services.publishing.latestVlog,
        channel: 'zalo',
        recorder,
      }),
    ),
    // A Zalo user who writes opens their window: what was held for them goes out now.
    afterUserMessage: async (userId) => {
      await services.artisans.deliverHeld({ channel: 'zalo', chatId: userId });
      await services.publishing.deliverHeldVlogs(userId);
    },
  });
  // The web knows no one: no artisans' records, no vlog messages.
  const webChat = createWebChat({
    dialogue: counted(
      'web',
      createDialogue({ ask: deps.ask, messages, textLimit: 4000, pageSize: 8, latestVlog: services.publishing.latestVlog, channel: 'web', recorder }),
    ),
    states: createWebChatStates(deps.chatRedis, config.QUEUE_PREFIX),
    messages,
    logger,
  });
  const server = await createServer({
    config,
    logger,
    services,
    quickRedis: deps.chatRedis,
    queues: deps.queues,
    messages,
    stages: deps.stages,
    bot,
    zalo,
    webChat,
    metrics: deps.metrics,
  });
  const url = await server.listen({ port: config.PORT, host: config.HOST });
  logger.info({ url, telegram: config.TELEGRAM_MODE, zalo: zalo?.mode ?? 'off' }, 'LangNghe server listening');

  const closers: Array<() => Promise<unknown>> = [];
  if (bot && config.TELEGRAM_MODE === 'polling') {
    // grammY's runner: concurrent across chats, in order within a chat (the session's key).
    await bot.init();
    const runner = run(bot);
    closers.push(async () => {
      if (runner.isRunning()) await runner.stop();
    });
  }
  closers.push(() => closeServer(server, config.SHUTDOWN_GRACE_SECONDS * 1000));
  if (zalo) closers.push(() => zalo.channel.idle());
  return { server, url, settled: async () => void (await zalo?.channel.idle()), closers };
}
