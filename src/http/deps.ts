import type { Bot } from 'grammy';
import type { BotContext } from '../channels/telegram/bot.js';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Queues } from '../jobs/queues.js';
import type { MediaBinaries } from '../media/binaries.js';
import type { createZaloOaChannel } from '../channels/zalo/oa-channel.js';
import type { createZaloBotChannel } from '../channels/zalo/bot-platform.js';
import type { AskDeps } from '../services/ask/answer-question.js';
import type { Messages } from '../i18n/messages.js';
import type { StageBook } from '../services/artisans/stages.js';
import type { Services } from '../services/services.js';

export interface AppDeps {
  /** The use cases, by area: HTTP routes call these. */
  services: Services;
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
  /** For commands inside a request: fails fast while Redis is away instead of waiting for it (BullMQ's
   * connection above waits, as blocking commands must). */
  quickRedis: Redis;
  queues: Queues;
  ask: AskDeps;
  messages: Messages;
  stages: StageBook;
  binaries: MediaBinaries;
  ffmpegVersion: () => Promise<string>;
  bot?: Bot<BotContext>;
  zalo?:
    | { mode: 'oa'; channel: ReturnType<typeof createZaloOaChannel>; oauth?: { oauthBase: string; appId: string; appSecret: string } }
    | { mode: 'bot'; channel: ReturnType<typeof createZaloBotChannel> };
}
