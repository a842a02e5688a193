import type { Bot } from 'grammy';
import type { BotContext } from '../channels/telegram/bot.js';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Queues } from '../jobs/queues.js';
import type { createZaloOaChannel } from '../channels/zalo/oa-channel.js';
import type { createZaloBotChannel } from '../channels/zalo/bot-platform.js';
import type { TokenStore } from '../channels/zalo/token-provider.js';
import type { Messages } from '../i18n/messages.js';
import type { StageBook } from '../services/artisans/stages.js';
import type { Services } from '../services/services.js';
import type { WebChat } from '../channels/web/web-chat.js';
import type { Metrics } from '../observability/metrics.js';

/** What the HTTP edge receives: the services, and what its own plumbing needs. */
export interface AppDeps {
  /** The use cases, by area: HTTP routes call these. */
  services: Services;
  config: Config;
  logger: Logger;
  /** For the rate limits: fails fast while Redis is away instead of waiting for it. */
  quickRedis: Redis;
  /** For bull-board, the queues' admin page. */
  queues: Queues;
  messages: Messages;
  stages: StageBook;
  /** This process's numbers: GET /metrics serves them, every response is timed into them. */
  metrics: Metrics;
  bot?: Bot<BotContext>;
  /** The web chat (POST /api/chat, /chat.js); absent, neither is served. */
  webChat?: WebChat;
  zalo?:
    | { mode: 'oa'; channel: ReturnType<typeof createZaloOaChannel>; oauth?: { oauthBase: string; appId: string; appSecret: string }; tokens: TokenStore }
    | { mode: 'bot'; channel: ReturnType<typeof createZaloBotChannel> };
}
