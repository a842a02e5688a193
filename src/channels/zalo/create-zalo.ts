// Zalo as the configuration asks: an Official Account (ZALO_MODE=oa, the default) or a Zalo Bot
// platform bot (ZALO_MODE=bot); undefined when neither is configured.
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import type { ZaloTokenRepository } from '../../data/zalo-token-repository.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Dialogue } from '../../conversation/dialogue.js';
import { createChatStates } from './chat-state.js';
import { createZaloClient, isPermanentZaloError, ZaloApiError } from './client.js';
import { createReplyWindow } from './reply-window.js';
import { createTokenProvider } from './token-provider.js';
import { createZaloOaChannel } from './oa-channel.js';
import { createZaloBotChannel, createZaloBotClient } from './bot-platform.js';
import { PermanentDeliveryError, type VlogMessenger } from '../../domain/publishing/vlog-messenger.js';

/** The OA's API client and reply window: what both the server and the workers need to write to users. Built
 * once per process: its token provider's single-flight refresh holds only within one provider. */
export function createZaloOa(config: Config, deps: { zaloTokens: ZaloTokenRepository; redis: Redis; logger: Logger }) {
  if (config.ZALO_MODE !== 'oa' || !config.ZALO_APP_ID || !config.ZALO_OA_SECRET_KEY) return undefined;
  const oauth = config.ZALO_APP_SECRET_KEY
    ? { oauthBase: config.ZALO_OAUTH_BASE, appId: config.ZALO_APP_ID, appSecret: config.ZALO_APP_SECRET_KEY }
    : undefined;
  const tokens = createTokenProvider({
    zaloTokens: deps.zaloTokens,
    redis: deps.redis,
    keyPrefix: config.QUEUE_PREFIX,
    oauth,
    logger: deps.logger,
    seed: config.ZALO_ACCESS_TOKEN ? { accessToken: config.ZALO_ACCESS_TOKEN, refreshToken: config.ZALO_REFRESH_TOKEN } : undefined,
  });
  return { client: createZaloClient({ apiBase: config.ZALO_API_BASE, tokens }), window: createReplyWindow(deps.redis, config.QUEUE_PREFIX), oauth, tokens };
}

export type ZaloOa = NonNullable<ReturnType<typeof createZaloOa>>;

/** Sends when the user's reply window allows it; otherwise 'held' for their next message. */
async function withinWindow(oa: ZaloOa, userId: string, send: (quote: string) => Promise<unknown>): Promise<'sent' | 'held'> {
  const quote = await oa.window.claim(userId);
  if (!quote) return 'held';
  try {
    await send(quote);
    return 'sent';
  } catch (error) {
    if (error instanceof ZaloApiError && error.outsideWindow) {
      await oa.window.close(userId);
      return 'held';
    }
    throw error;
  }
}

/** Notifications (artisans' stage changes) as text. */
export function zaloNotifier(oa: ZaloOa) {
  return (userId: string, text: string) => withinWindow(oa, userId, (quote) => oa.client.sendText(userId, text, quote));
}

// Refused for good (an invalid user, say): the delivery fails at once instead of waiting for another try.
const permanentDelivery = (error: unknown): never => {
  throw isPermanentZaloError(error) ? new PermanentDeliveryError((error as Error).message) : error;
};

/** A new vlog to one subscriber: its poster, title and village, opening its page. */
export function zaloVlogMessenger(oa: ZaloOa, messages: Messages): VlogMessenger {
  return (userId, vlog) =>
    withinWindow(oa, userId, (quote) =>
      oa.client.sendList(
        userId,
        [
          {
            title: `🎬 ${vlog.title}`,
            subtitle: [vlog.village, messages.t(vlog.lang, 'vlog-watch')].filter(Boolean).join(' · '),
            image_url: vlog.posterUrl,
            default_action: { type: 'oa.open.url', url: vlog.pageUrl },
          },
        ],
        quote,
      ),
    ).catch(permanentDelivery);
}

/** The webhook's channel; in OA mode over the one OA client the process built (createZaloOa). */
export function createZalo(
  config: Config,
  deps: { oa: ZaloOa | undefined; redis: Redis; logger: Logger; messages: Messages; dialogue: Dialogue; afterUserMessage?: (userId: string) => Promise<void> },
) {
  const prefix = config.QUEUE_PREFIX;
  const states = createChatStates(deps.redis, prefix);
  if (config.ZALO_MODE === 'bot') {
    if (!config.ZALO_BOT_TOKEN || !config.ZALO_BOT_WEBHOOK_SECRET) return undefined;
    const client = createZaloBotClient({ apiBase: config.ZALO_BOT_API_BASE, token: config.ZALO_BOT_TOKEN });
    const channel = createZaloBotChannel({
      client,
      dialogue: deps.dialogue,
      messages: deps.messages,
      states,
      redis: deps.redis,
      keyPrefix: prefix,
      logger: deps.logger,
      secret: config.ZALO_BOT_WEBHOOK_SECRET,
      publicUrl: config.PUBLIC_URL,
    });
    return { mode: 'bot' as const, channel };
  }
  const oa = deps.oa;
  if (!oa) return undefined;
  const channel = createZaloOaChannel({
    client: oa.client,
    dialogue: deps.dialogue,
    messages: deps.messages,
    window: oa.window,
    states,
    redis: deps.redis,
    keyPrefix: prefix,
    logger: deps.logger,
    appId: config.ZALO_APP_ID!,
    oaSecretKey: config.ZALO_OA_SECRET_KEY!,
    replayWindowSeconds: config.ZALO_REPLAY_WINDOW_SECONDS,
    publicUrl: config.PUBLIC_URL,
    afterUserMessage: deps.afterUserMessage,
  });
  return { mode: 'oa' as const, channel, oauth: oa.oauth, tokens: oa.tokens };
}
