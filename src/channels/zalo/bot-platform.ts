// The Zalo Bot platform (bots made with Zalo Bot Creator): a Telegram-like API at
// <base>/bot<TOKEN>/<method>, a webhook with X-Bot-Api-Secret-Token, text and photos by URL only. Buttons
// become a numbered menu: the user answers with the number.
import { timingSafeEqual } from 'node:crypto';
import { loadAxios, zaloHttp } from './load-axios.js';
import type { Redis } from 'ioredis';
import type { Dialogue } from '../../conversation/dialogue.js';
import { splitText } from '../../conversation/fit-text.js';
import type { Button, Incoming, Reply } from '../../conversation/types.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { ZaloApiError, ZaloHttpError } from './client.js';
import type { createChatStates } from './chat-state.js';

export interface ZaloBotClient {
  sendMessage(chatId: string, text: string): Promise<string>;
  /** A picture Zalo fetches from its URL (a public, lasting one: it may fetch it more than once). */
  sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<string>;
}

// Text and captions: at most 2,000 characters, counted on the composed (NFC) form of Vietnamese.
const ZALO_BOT_TEXT_LIMIT = 2000;
const fitted = (text: string) => text.normalize('NFC').slice(0, ZALO_BOT_TEXT_LIMIT);

export function createZaloBotClient(options: { apiBase: string; token: string; timeoutMs?: number }): ZaloBotClient {
  // The token is in the path: the base URL goes to axios alone, never into an error or a log.
  const client = zaloHttp({ baseURL: `${options.apiBase.replace(/\/+$/, '')}/bot${options.token}/`, timeout: options.timeoutMs ?? 10_000 });
  async function call(method: string, body: Record<string, string>): Promise<string> {
    let data: { ok?: boolean; result?: { message_id?: string }; error_code?: number; description?: string };
    try {
      data = (await (await client()).post(method, body)).data;
    } catch (error) {
      const axios = await loadAxios();
      const status = axios.isAxiosError(error) ? error.response?.status : undefined;
      const answer = axios.isAxiosError(error) ? (error.response?.data as typeof data | undefined) : undefined;
      if (answer?.ok === false) throw new ZaloApiError(answer.error_code ?? status ?? 0, answer.description ?? 'error', method);
      throw new ZaloHttpError(method, status, axios.isAxiosError(error) ? (error.code ?? 'network error') : 'error');
    }
    if (!data.ok) throw new ZaloApiError(data.error_code ?? 0, data.description ?? 'error', method);
    return data.result?.message_id ?? '';
  }
  return {
    sendMessage: (chatId, text) => call('sendMessage', { chat_id: chatId, text: fitted(text) }),
    sendPhoto: (chatId, photoUrl, caption) => call('sendPhoto', { chat_id: chatId, photo: photoUrl, ...(caption ? { caption: fitted(caption) } : {}) }),
  };
}

/** A reply as text, with its buttons as numbered lines; returns the actions behind the numbers. */
export function numberedText(reply: Reply, messages: Messages, lang: Lang): { text: string; actions: string[] } {
  const buttons: Button[] = [...(reply.items ?? []), ...(reply.buttons ?? []).flat()];
  const actions: string[] = [];
  const lines: string[] = [];
  for (const b of buttons) {
    if ('url' in b) lines.push(`${b.label}: ${b.url}`);
    else {
      actions.push(b.action);
      lines.push(`${actions.length}. ${b.label}`);
    }
  }
  const venue = reply.venue
    ? `📍 ${reply.venue.title}\n${reply.venue.address}\nhttps://www.google.com/maps/search/?api=1&query=${reply.venue.lat},${reply.venue.lon}`
    : '';
  const text = [
    reply.notice,
    venue,
    reply.text,
    reply.requestLocation ? messages.t(lang, 'zalo-share-location') : '',
    actions.length ? `\n${messages.t(lang, 'zalo-numbered-menu')}` : '',
    ...lines,
  ]
    .filter(Boolean)
    .join('\n');
  return { text, actions };
}

export function createZaloBotChannel(deps: {
  client: ZaloBotClient;
  dialogue: Dialogue;
  messages: Messages;
  states: ReturnType<typeof createChatStates>;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  secret: string;
  /** PUBLIC_URL: Zalo fetches the pictures of replies from there; without it, replies go as text. */
  publicUrl?: string;
}) {
  const pending = new Set<Promise<void>>();

  const secretMatches = (header: string | undefined) => {
    const [a, b] = [Buffer.from(header ?? ''), Buffer.from(deps.secret)];
    return a.length === b.length && timingSafeEqual(a, b);
  };

  async function receive(body: unknown, header: string | undefined): Promise<number> {
    if (!secretMatches(header)) return 401;
    // Updates come flat ({event_name, message}) or wrapped ({ok, result}).
    const update = (body && typeof body === 'object' && 'result' in body ? (body as { result: unknown }).result : body) as {
      event_name?: string;
      message?: { message_id?: string; chat?: { id?: string }; text?: string };
    } | null;
    const chat = update?.message?.chat?.id;
    const id = update?.message?.message_id;
    if (!update || !chat || !id) return 200;
    if ((await deps.redis.set(`${deps.keyPrefix}:zalo-bot:message:${id}`, '1', 'EX', 24 * 3600, 'NX')) !== 'OK') return 200;
    const work = handle(String(chat), update.event_name ?? '', update.message?.text ?? '').catch((error) =>
      deps.logger.error({ err: error }, 'zalo bot update failed'),
    );
    pending.add(work);
    void work.finally(() => pending.delete(work));
    return 200;
  }

  async function handle(chat: string, eventName: string, text: string) {
    const state = await deps.states.get(chat);
    const lang = state.lang ?? 'vi';
    let replies: Reply[];
    let next = state;
    if (eventName === 'message.image.received') {
      replies = [{ text: deps.messages.t(lang, 'zalo-image-received') }];
    } else if (eventName === 'message.text.received' && text.trim()) {
      // A number picks from the last menu shown.
      const picked = /^\s*(\d{1,2})\s*$/.exec(text);
      const action = picked ? state.menu?.[Number(picked[1]) - 1] : undefined;
      const incoming: Incoming = action
        ? { type: 'action', data: action }
        : text.trim() === '/start'
          ? { type: 'command', command: 'start' }
          : { type: 'text', text };
      const outcome = await deps.dialogue.handle(state, incoming, { languageCode: lang, identity: { channel: 'zalo', chatId: chat }, chatKey: chat });
      replies = outcome.replies;
      next = { ...state, ...outcome.state };
    } else {
      return;
    }
    const language = next.lang ?? lang;
    let menu: string[] = [];
    for (const reply of replies) {
      const { text: body, actions } = numberedText(reply, deps.messages, language);
      if (actions.length) menu = actions;
      if (reply.photo && deps.publicUrl && (await sendPhoto(chat, reply.photo, body))) continue;
      for (const part of splitText(body, ZALO_BOT_TEXT_LIMIT)) await deps.client.sendMessage(chat, part);
    }
    await deps.states.set(chat, { ...next, menu });
  }

  /**
   * The picture with the reply's text as its caption when it fits (both hold 2,000 characters); a longer
   * text follows the picture, captioned with its description. True when the text went with it; a picture
   * Zalo could not take leaves the reply to go as text.
   */
  async function sendPhoto(chat: string, photo: NonNullable<Reply['photo']>, body: string): Promise<boolean> {
    const fits = body.normalize('NFC').length <= ZALO_BOT_TEXT_LIMIT;
    try {
      await deps.client.sendPhoto(chat, `${deps.publicUrl!.replace(/\/$/, '')}${photo.url}`, fits ? body : photo.alt);
      return fits;
    } catch (error) {
      deps.logger.warn({ err: error }, 'zalo bot: the picture was refused; the reply goes as text');
      return false;
    }
  }

  return {
    receive,
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
