// A fake Telegram Bot API on 127.0.0.1 that records every call; grammY talks to it through apiRoot.
import Fastify from 'fastify';
import multipart from '@fastify/multipart';

export interface RecordedCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  files: Record<string, { filename: string; bytes: number }>;
  at: number;
}

export interface FakeTelegram {
  url: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

let nextMessageId = 1000;

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: RecordedCall[] = [];
  const app = Fastify();
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024 } });
  app.post<{ Params: { token: string; method: string } }>('/bot:token/:method', async (request) => {
    const params: Record<string, unknown> = {};
    const files: RecordedCall['files'] = {};
    if (request.isMultipart()) {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          files[part.fieldname] = { filename: part.filename, bytes: data.length };
        } else {
          params[part.fieldname] = part.value;
        }
      }
    } else if (request.body && typeof request.body === 'object') {
      Object.assign(params, request.body);
    }
    // grammY uploads each file as its own part and names it in the parameter as attach://<part name>.
    for (const [name, value] of Object.entries(params)) {
      const part = typeof value === 'string' && value.startsWith('attach://') ? files[value.slice(9)] : undefined;
      if (part) files[name] = part;
    }
    const { token, method } = request.params;
    calls.push({ method, token, params, files, at: Date.now() });
    return { ok: true, result: answer(method, params) };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    async waitFor(method, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = calls.filter((call) => call.method === method);
        if (found.length >= count) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`fake Telegram: expected ${count} ${method} call(s) within ${timeoutMs} ms, got ${calls.filter((c) => c.method === method).length}`);
    },
    close: () => app.close(),
  };
}

function answer(method: string, params: Record<string, unknown>): unknown {
  if (method === 'getMe') {
    return { id: 42, is_bot: true, first_name: 'LangNghe', username: 'langnghe_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
  }
  if (method.startsWith('send')) {
    return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id) || -100, type: 'private' }, text: params.text };
  }
  return true;
}
