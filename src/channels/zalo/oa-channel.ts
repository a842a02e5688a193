// Zalo Official Account events → the dialogue → replies on the OA API, within Zalo's rules.
// The webhook is answered at once (Zalo wants 200 within 2 s); events are then handled in order per user.
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Dialogue } from '../../conversation/dialogue.js';
import type { Incoming } from '../../conversation/types.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { ZaloApiError, type ZaloClient } from './client.js';
import { ZaloReauthorizationNeeded } from './oauth.js';
import type { ReplyWindow } from './reply-window.js';
import { planOaMessages } from './render-oa.js';
import { verifyZaloSignature } from './signature.js';
import type { createChatStates } from './chat-state.js';

export interface ZaloOaDeps {
  client: ZaloClient;
  dialogue: Dialogue;
  messages: Messages;
  window: ReplyWindow;
  states: ReturnType<typeof createChatStates>;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  appId: string;
  oaSecretKey: string;
  replayWindowSeconds: number;
  /** PUBLIC_URL: Zalo fetches the pictures of replies from there; without it, replies carry none. */
  publicUrl?: string;
  /** After the user's message is answered: what waited for their window to open (held notifications). */
  afterUserMessage?: (userId: string) => Promise<void>;
}

const event = z.object({
  event_name: z.string(),
  timestamp: z.coerce.number(),
  sender: z.object({ id: z.coerce.string() }).optional(),
  follower: z.object({ id: z.coerce.string() }).optional(),
  message: z
    .object({
      msg_id: z.coerce.string().optional(),
      text: z.string().optional(),
      attachments: z.array(z.object({ type: z.string().optional(), payload: z.any() })).optional(),
      location: z.object({ latitude: z.coerce.number(), longitude: z.coerce.number() }).optional(),
    })
    .optional(),
});
type ZaloEvent = z.infer<typeof event>;

export function createZaloOaChannel(deps: ZaloOaDeps) {
  const queues = new Map<string, Promise<void>>();
  const pending = new Set<Promise<void>>();

  async function receive(raw: string, signature: string | undefined): Promise<number> {
    if (!verifyZaloSignature(raw, signature, { appId: deps.appId, oaSecretKey: deps.oaSecretKey })) return 401;
    const parsed = event.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.length }, 'zalo event not understood; acknowledged');
      return 200;
    }
    const e = parsed.data;
    // A signed event from long ago is a replay: acknowledged, not acted on.
    if (Math.abs(Date.now() - e.timestamp) > deps.replayWindowSeconds * 1000) {
      deps.logger.warn({ event: e.event_name, ageSeconds: Math.round((Date.now() - e.timestamp) / 1000) }, 'zalo event outside the replay window; ignored');
      return 200;
    }
    const user = e.sender?.id ?? e.follower?.id;
    const id = e.message?.msg_id ?? `${e.event_name}:${user}:${e.timestamp}`;
    const first = await deps.redis.set(`${deps.keyPrefix}:zalo:event:${id}`, '1', 'EX', 24 * 3600, 'NX');
    if (first !== 'OK') {
      deps.logger.info({ event: e.event_name }, 'zalo event already handled');
      return 200;
    }
    if (user && !e.event_name.startsWith('oa_')) {
      // In order per user, after the answer to the webhook.
      const previous = queues.get(user) ?? Promise.resolve();
      const next = previous.then(() => handle(user, e)).catch((error) => deps.logger.error({ err: error, event: e.event_name }, 'zalo event failed'));
      queues.set(user, next);
      pending.add(next);
      void next.finally(() => {
        pending.delete(next);
        if (queues.get(user) === next) queues.delete(user);
      });
    }
    return 200;
  }

  function incomingOf(e: ZaloEvent): Incoming | 'image' | undefined {
    switch (e.event_name) {
      case 'user_send_text':
      case 'user_click_button': {
        const text = e.message?.text?.trim() ?? '';
        // oa.query.show buttons come back as "#<action>".
        return text.startsWith('#') ? { type: 'action', data: text.slice(1) } : text ? { type: 'text', text } : undefined;
      }
      case 'user_send_location': {
        const coordinates = e.message?.attachments?.[0]?.payload?.coordinates ?? e.message?.location;
        const lat = Number(coordinates?.latitude);
        const lon = Number(coordinates?.longitude);
        return Number.isFinite(lat) && Number.isFinite(lon) ? { type: 'location', lat, lon } : undefined;
      }
      case 'user_send_image':
        return 'image';
      default:
        return undefined;
    }
  }

  async function handle(user: string, e: ZaloEvent) {
    if (e.event_name === 'follow' || e.event_name === 'unfollow') {
      // Following is not a message: writing back would be a proactive message. Remember, say nothing.
      const state = await deps.states.get(user);
      await deps.states.set(user, { ...state, following: e.event_name === 'follow' });
      return;
    }
    const incoming = incomingOf(e);
    if (!incoming) return;
    if (e.message?.msg_id) await deps.window.opened(user, e.message.msg_id);
    const state = await deps.states.get(user);
    // Zalo tells us no client language; its users are mostly Vietnamese.
    let lang = state.lang ?? 'vi';
    let replies;
    if (incoming === 'image') {
      replies = [{ text: deps.messages.t(lang, 'zalo-image-received') }];
    } else {
      const outcome = await deps.dialogue.handle(state, incoming, { languageCode: lang, identity: { channel: 'zalo', chatId: user }, chatKey: user });
      await deps.states.set(user, { ...state, ...outcome.state });
      lang = outcome.state.lang ?? lang;
      replies = outcome.replies;
    }
    for (const send of planOaMessages(replies, deps.messages, lang, { publicUrl: deps.publicUrl })) {
      const quote = await deps.window.claim(user);
      if (!quote) {
        deps.logger.warn({ user }, 'zalo reply not sent: outside the reply window or over its quota');
        return;
      }
      try {
        await send(deps.client, user, quote);
      } catch (error) {
        if (error instanceof ZaloApiError && error.outsideWindow) {
          await deps.window.close(user);
          deps.logger.warn({ code: error.code }, 'zalo: user outside the reply window; nothing more until they write');
          return;
        }
        if (error instanceof ZaloReauthorizationNeeded) return; // said once by the token provider
        throw error;
      }
    }
    if (deps.afterUserMessage) await deps.afterUserMessage(user);
  }

  return {
    receive,
    /** Resolves when every event received so far has been handled (tests, shutdown). */
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
