// Zalo as the configuration asks: an Official Account (ZALO_MODE=oa, the default) or a Zalo Bot
// platform bot (ZALO_MODE=bot); undefined when neither is configured.
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Dialogue } from '../../conversation/dialogue.js';
import { createChatStates } from './chat-state.js';
import { createZaloClient } from './client.js';
import { createReplyWindow } from './reply-window.js';
import { createTokenProvider } from './token-provider.js';
import { createZaloOaChannel } from './oa-channel.js';
import { createZaloBotChannel, createZaloBotClient } from './bot-platform.js';

export function createZalo(config: Config, deps: { prisma: PrismaClient; redis: Redis; messages: Messages; logger: Logger; dialogue: Dialogue }) {
  const prefix = config.QUEUE_PREFIX;
  const states = createChatStates(deps.redis, prefix);
  if (config.ZALO_MODE === 'bot') {
    if (!config.ZALO_BOT_TOKEN || !config.ZALO_BOT_WEBHOOK_SECRET) return undefined;
    const client = createZaloBotClient({ apiBase: config.ZALO_BOT_API_BASE, token: config.ZALO_BOT_TOKEN });
    const channel = createZaloBotChannel({ client, dialogue: deps.dialogue, messages: deps.messages, states, redis: deps.redis, keyPrefix: prefix, logger: deps.logger, secret: config.ZALO_BOT_WEBHOOK_SECRET });
    return { mode: 'bot' as const, channel };
  }
  if (!config.ZALO_APP_ID || !config.ZALO_OA_SECRET_KEY) return undefined;
  const oauth = config.ZALO_APP_SECRET_KEY ? { oauthBase: config.ZALO_OAUTH_BASE, appId: config.ZALO_APP_ID, appSecret: config.ZALO_APP_SECRET_KEY } : undefined;
  const tokens = createTokenProvider({
    prisma: deps.prisma,
    redis: deps.redis,
    keyPrefix: prefix,
    oauth,
    logger: deps.logger,
    seed: config.ZALO_ACCESS_TOKEN ? { accessToken: config.ZALO_ACCESS_TOKEN, refreshToken: config.ZALO_REFRESH_TOKEN } : undefined,
  });
  const client = createZaloClient({ apiBase: config.ZALO_API_BASE, tokens });
  const channel = createZaloOaChannel({
    client,
    dialogue: deps.dialogue,
    messages: deps.messages,
    window: createReplyWindow(deps.redis, prefix),
    states,
    redis: deps.redis,
    keyPrefix: prefix,
    logger: deps.logger,
    appId: config.ZALO_APP_ID,
    oaSecretKey: config.ZALO_OA_SECRET_KEY,
    replayWindowSeconds: config.ZALO_REPLAY_WINDOW_SECONDS,
  });
  return { mode: 'oa' as const, channel, oauth, client, tokens };
}
