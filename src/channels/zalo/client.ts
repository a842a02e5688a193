// The Zalo OA API over plain HTTP with axios. Like grammY, two error kinds: ZaloApiError (Zalo answered
// and said no: HTTP 200 with a non-zero `error`) and ZaloHttpError (the call itself failed). Neither
// carries the access token, which travels only in a header.
import { loadAxios, zaloHttp } from './load-axios.js';
import type { TokenProvider } from './token-provider.js';

export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly method: string,
  ) {
    super(`Zalo ${method} failed: ${code} ${message}`);
    this.name = 'ZaloApiError';
  }

  /** The user is outside the window Zalo allows us to write in: stop until they write again. */
  get outsideWindow(): boolean {
    return WINDOW_CODES.has(this.code);
  }
}

export class ZaloHttpError extends Error {
  constructor(
    readonly method: string,
    readonly status: number | undefined,
    reason: string,
  ) {
    super(`Zalo ${method} call failed: ${status ? `HTTP ${status}` : reason}`);
    this.name = 'ZaloHttpError';
  }
}

// From Zalo's error table (../shared/briefs/zalo.md §1.4), as chatwoot classifies them.
const WINDOW_CODES = new Set([-213, -217, -227, -230, -232, -234, -244]);
const RATE_LIMITED = new Set([-32]);
const TOKEN_INVALID = new Set([-216, -220]);
// Refusals that pass with time or with staff's work rather than the user's: an expired attachment_id, a
// quota (the OA's, or this receiver's), and the OA's own state (disabled, unpaid, not authorised).
const NOT_FOREVER = new Set([-100, -204, -205, -209, -211, -212, -218, -219, -221, -223, -224, -235, -320, -321]);

/** Zalo refused this user or this message for good (an invalid user id, say); as the brief advises, an
 * unknown code counts too. Window codes do not: they hold until the user writes. */
export function isPermanentZaloError(error: unknown): boolean {
  if (!(error instanceof ZaloApiError)) return false;
  return ![WINDOW_CODES, RATE_LIMITED, TOKEN_INVALID, NOT_FOREVER].some((codes) => codes.has(error.code));
}

export type ZaloButton = { title: string; type: 'oa.query.show'; payload: string } | { title: string; type: 'oa.open.url'; payload: { url: string } };

export interface ZaloListElement {
  title: string;
  subtitle?: string;
  image_url?: string;
  default_action: { type: 'oa.query.show'; payload: string } | { type: 'oa.open.url'; url: string };
}

export interface ZaloClient {
  sendText(userId: string, text: string, quote?: string): Promise<string>;
  sendButtons(userId: string, text: string, buttons: ZaloButton[], quote?: string): Promise<string>;
  sendList(userId: string, elements: ZaloListElement[], quote?: string): Promise<string>;
  sendImage(userId: string, attachmentId: string, caption?: string, quote?: string): Promise<string>;
  /** Uploads a JPEG or PNG (≤ 1 MB) and returns its attachment_id. */
  uploadImage(image: Buffer, mimeType: 'image/jpeg' | 'image/png'): Promise<string>;
}

export function createZaloClient(options: {
  apiBase: string;
  tokens: TokenProvider;
  timeoutMs?: number;
  /** Waits between tries when Zalo says we call too often (-32). */
  backoffMs?: number[];
}): ZaloClient {
  const client = zaloHttp({ baseURL: options.apiBase, timeout: options.timeoutMs ?? 10_000 });
  // About two minutes in all: an outage of a minute on Zalo's side still delivers the answer.
  const backoff = options.backoffMs ?? [1000, 3000, 10_000, 30_000, 60_000];

  async function once<T>(method: string, token: string, body: unknown, contentType: string): Promise<T> {
    let response;
    try {
      response = await (await client()).post(method, body, { headers: { access_token: token, 'Content-Type': contentType } });
    } catch (error) {
      const axios = await loadAxios();
      // Never rethrow axios' error: its config holds the token header.
      const status = axios.isAxiosError(error) ? error.response?.status : undefined;
      const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      throw new ZaloHttpError(method, status, reason);
    }
    const data = response.data as { error?: number; message?: string; data?: T };
    if (typeof data?.error === 'number' && data.error !== 0) throw new ZaloApiError(data.error, data.message ?? 'unknown error', method);
    return data?.data as T;
  }

  async function call<T>(method: string, body: unknown, contentType = 'application/json'): Promise<T> {
    let token = await options.tokens.accessToken();
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await once<T>(method, token, body, contentType);
      } catch (error) {
        if (error instanceof ZaloApiError && TOKEN_INVALID.has(error.code) && !refreshed) {
          token = await options.tokens.refreshAfterRejection(token);
          refreshed = true;
          continue;
        }
        const retryable =
          (error instanceof ZaloApiError && RATE_LIMITED.has(error.code)) || (error instanceof ZaloHttpError && (!error.status || error.status >= 500));
        if (retryable && attempt < backoff.length) {
          await new Promise((resolve) => setTimeout(resolve, backoff[attempt]));
          continue;
        }
        throw error;
      }
    }
  }

  const send = async (userId: string, message: Record<string, unknown>, quote?: string) => {
    // A reply carries the user's message id: Zalo counts it as a free reply, not a paid proactive message.
    const result = await call<{ message_id?: string }>('/v3.0/oa/message/cs', {
      recipient: { user_id: userId },
      message: quote ? { ...message, quote_message_id: quote } : message,
    });
    return result?.message_id ?? '';
  };

  return {
    sendText: (userId, text, quote) => send(userId, { text: text.normalize('NFC').slice(0, 2000) }, quote),
    sendButtons: (userId, text, buttons, quote) =>
      send(
        userId,
        {
          text: text.normalize('NFC').slice(0, 2000),
          attachment: { type: 'template', payload: { buttons: buttons.map((b) => ({ ...b, title: b.title.slice(0, 100) })) } },
        },
        quote,
      ),
    sendList: (userId, elements, quote) =>
      send(
        userId,
        { attachment: { type: 'template', payload: { template_type: 'list', elements: elements.map((e) => ({ ...e, title: e.title.slice(0, 100) })) } } },
        quote,
      ),
    sendImage: (userId, attachmentId, caption, quote) =>
      send(
        userId,
        {
          ...(caption ? { text: caption.slice(0, 2000) } : {}),
          attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] } },
        },
        quote,
      ),
    async uploadImage(image, mimeType) {
      if (image.length > 1024 * 1024) throw new Error('Zalo takes images of at most 1 MB');
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(image)], { type: mimeType }), mimeType === 'image/png' ? 'image.png' : 'image.jpg');
      const result = await call<{ attachment_id: string }>('/v2.0/oa/upload/image', form, 'multipart/form-data');
      return result.attachment_id;
    },
  };
}
