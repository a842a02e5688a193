// The Zalo OA API over plain HTTP with axios. Like grammY, two error kinds: ZaloApiError (Zalo answered
// and said no: HTTP 200 with a non-zero `error`) and ZaloHttpError (the call itself failed). Neither
// carries the access token, which travels only in a header.
import axios, { type AxiosInstance } from 'axios';

export class ZaloApiError extends Error {
  constructor(readonly code: number, message: string, readonly method: string) {
    super(`Zalo ${method} failed: ${code} ${message}`);
    this.name = 'ZaloApiError';
  }
}

export class ZaloHttpError extends Error {
  constructor(readonly method: string, readonly status: number | undefined, reason: string) {
    super(`Zalo ${method} call failed: ${status ? `HTTP ${status}` : reason}`);
    this.name = 'ZaloHttpError';
  }
}

export interface ZaloClient {
  sendText(userId: string, text: string, quoteMessageId?: string): Promise<string>;
}

export function createZaloClient(options: { apiBase: string; accessToken: () => string | undefined; timeoutMs?: number }): ZaloClient {
  const http: AxiosInstance = axios.create({ baseURL: options.apiBase, timeout: options.timeoutMs ?? 10_000 });

  async function call<T>(method: string, body: unknown): Promise<T> {
    const token = options.accessToken();
    if (!token) throw new ZaloApiError(-216, 'no access token configured', method);
    let response;
    try {
      response = await http.post(method, body, { headers: { access_token: token, 'Content-Type': 'application/json' } });
    } catch (error) {
      // Never rethrow axios' error: its config holds the token header.
      const status = axios.isAxiosError(error) ? error.response?.status : undefined;
      const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
      throw new ZaloHttpError(method, status, reason);
    }
    const data = response.data as { error?: number; message?: string; data?: T };
    if (typeof data?.error === 'number' && data.error !== 0) {
      throw new ZaloApiError(data.error, data.message ?? 'unknown error', method);
    }
    return data.data as T;
  }

  return {
    async sendText(userId, text, quoteMessageId) {
      const message: Record<string, string> = { text: text.slice(0, 2000) };
      if (quoteMessageId) message.quote_message_id = quoteMessageId;
      const result = await call<{ message_id?: string }>('/v3.0/oa/message/cs', { recipient: { user_id: userId }, message });
      return result?.message_id ?? '';
    },
  };
}
