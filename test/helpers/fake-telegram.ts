// A fake Telegram Bot API on 127.0.0.1 that records every call; grammY talks to it through apiRoot.
import Fastify from 'fastify';
import multipart from '@fastify/multipart';

export interface RecordedCall {
  method: string;
  token: string;
  params: Record<string, any>;
  files: Record<string, { filename: string; bytes: number }>;
  at: number;
  /** What the fake answered (a sent message has its message_id). */
  result?: any;
}

export interface Failure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export interface FakeTelegram {
  url: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** The next `times` calls of `method` fail with this error (a 429 with retry_after, say). */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Until `until`, answer each call with a random failure: 429 (retry_after 1), 500, a dropped
   * connection, or a connection held then dropped (a timeout); nothing is recorded for them. */
  storm(until: number, random: () => number): void;
  /** Every failed attempt, for asserting on retries. */
  failures: Array<{ method: string; at: number }>;
  /** A file a user sent: getFile describes it and /file/bot<token>/<path> serves it. */
  addFile(fileId: string, data: Buffer): void;
  close(): Promise<void>;
}

let nextMessageId = 1000;
const JSON_FIELDS = new Set(['reply_markup', 'media']);

/** A sent photo as Telegram describes it: its sizes, the largest last; an upload gets a new file_id. */
function photoSizes(media: unknown, id: number) {
  const uploaded = typeof media !== 'string' || media.startsWith('attach://');
  const fileId = uploaded ? `photo-file-${id}` : media;
  return [
    { file_id: `${fileId}-small`, file_unique_id: `u${id}s`, width: 90, height: 51 },
    { file_id: fileId, file_unique_id: `u${id}`, width: 1280, height: 720 },
  ];
}

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: RecordedCall[] = [];
  const failures: FakeTelegram['failures'] = [];
  const pending = new Map<string, { failure: Failure; times: number }>();
  const stored = new Map<string, Buffer>();
  const photoMessages = new Set<number>();
  let storm: { until: number; random: () => number } | undefined;
  const app = Fastify({ bodyLimit: 60 * 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024 } });
  app.post<{ Params: { token: string; method: string } }>('/bot:token/:method', async (request, reply) => {
    const params: Record<string, any> = {};
    const files: RecordedCall['files'] = {};
    if (request.isMultipart()) {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          files[part.fieldname] = { filename: part.filename, bytes: data.length };
        } else {
          // grammY sends objects (a keyboard, an edited message's media) as JSON in their form field.
          params[part.fieldname] = JSON_FIELDS.has(part.fieldname) ? JSON.parse(String(part.value)) : part.value;
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
    const media = params.media as { media?: unknown } | undefined;
    if (typeof media?.media === 'string' && media.media.startsWith('attach://') && files[media.media.slice(9)]) files.media = files[media.media.slice(9)]!;
    const { token, method } = request.params;
    if (storm && Date.now() < storm.until) {
      const roll = storm.random();
      failures.push({ method, at: Date.now() });
      if (roll < 0.35)
        return reply.code(429).send({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      if (roll < 0.7) return reply.code(500).send({ ok: false, error_code: 500, description: 'Internal Server Error' });
      if (roll < 0.85) await new Promise((resolve) => setTimeout(resolve, 3000));
      request.raw.socket.destroy();
      return reply.hijack();
    }
    const failing = pending.get(method);
    if (failing && failing.times > 0) {
      failing.times--;
      failures.push({ method, at: Date.now() });
      return reply.code(failing.failure.error_code).send({ ok: false, ...failing.failure });
    }
    // Telegram cannot edit the text of a photo: it has a caption instead.
    if (method === 'editMessageText' && photoMessages.has(Number(params.message_id))) {
      failures.push({ method, at: Date.now() });
      return reply.code(400).send({ ok: false, error_code: 400, description: 'Bad Request: there is no text in the message to edit' });
    }
    const call: RecordedCall = { method, token, params, files, at: Date.now() };
    calls.push(call);
    if (method === 'getFile') {
      const data = stored.get(String(params.file_id));
      if (!data) return reply.code(400).send({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      return {
        ok: true,
        result: { file_id: params.file_id, file_unique_id: `u-${params.file_id}`, file_size: data.length, file_path: `videos/${params.file_id}.mp4` },
      };
    }
    call.result = answer(method, params);
    if (call.result?.photo) photoMessages.add(call.result.message_id);
    return { ok: true, result: call.result };
  });
  app.get<{ Params: { token: string; '*': string } }>('/file/bot:token/*', async (request, reply) => {
    const data = stored.get(/^videos\/(.+)\.mp4$/.exec(request.params['*'])?.[1] ?? '');
    return data ? reply.type('video/mp4').send(data) : reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found' });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    calls,
    failures,
    callsTo: (method) => calls.filter((call) => call.method === method),
    addFile: (fileId, data) => void stored.set(fileId, data),
    failNext(method, failure, times = 1) {
      pending.set(method, { failure, times });
    },
    storm(until, random) {
      storm = { until, random };
    },
    async waitFor(method, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = calls.filter((call) => call.method === method);
        if (found.length >= count) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`fake Telegram: expected ${count} ${method} call(s) within ${timeoutMs} ms, got ${calls.filter((c) => c.method === method).length}`);
    },
    close: () => app.close(),
  };
}

function answer(method: string, params: Record<string, any>): unknown {
  if (method === 'getMe') {
    return {
      id: 42,
      is_bot: true,
      first_name: 'LangNghe',
      username: 'langnghe_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
    };
  }
  const chat = { id: Number(params.chat_id) || -100, type: 'private' };
  if (method === 'sendVideo') {
    // An uploaded video gets a new file_id; one sent by file_id keeps it.
    const uploaded = typeof params.video !== 'string' || params.video.startsWith('attach://');
    const video = {
      file_id: uploaded ? `video-file-${nextMessageId}` : params.video,
      file_unique_id: `u${nextMessageId}`,
      width: Number(params.width),
      height: Number(params.height),
      duration: Number(params.duration),
    };
    return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: params.chat_id, type: 'channel' }, caption: params.caption, video };
  }
  if (method === 'sendPhoto') {
    const id = nextMessageId++;
    return { message_id: id, date: Math.floor(Date.now() / 1000), chat, caption: params.caption, photo: photoSizes(params.photo, id) };
  }
  if (method === 'editMessageMedia') {
    const id = Number(params.message_id);
    return {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat,
      caption: params.media?.caption,
      photo: photoSizes(params.media?.media, nextMessageId++),
    };
  }
  if (method.startsWith('send')) {
    return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, text: params.text };
  }
  if (method === 'editMessageText') {
    return { message_id: Number(params.message_id), date: Math.floor(Date.now() / 1000), chat, text: params.text };
  }
  return true;
}
