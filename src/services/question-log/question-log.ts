// The question log's recorder: each answered question is kept in memory with a keyed hash of its chat
// (never the chat itself) and written in batches, off the hot path, with one insert per batch. A
// database failure drops that batch with a warning: it never delays or fails an answer.
import { createHmac } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { QuestionRecorder } from '../../domain/insights/question-record.js';
import type { QuestionRow } from '../../data/question-repository.js';

export interface QuestionLog extends QuestionRecorder {
  /** Writes what is buffered now (and waits for a write already under way). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left: on shutdown. */
  close(): Promise<void>;
}

export interface QuestionLogDeps {
  questions: { insertMany(rows: QuestionRow[]): Promise<number> };
  /** The HMAC key (QUESTION_LOG_KEY or the generated one). */
  key: string;
  logger: Logger;
  flushEveryMs?: number;
  batchSize?: number;
  /** Rows kept while the database is slow or away; the oldest go first beyond it. */
  maxBuffered?: number;
}

/** The chat's keyed hash: the same chat gives the same visitor, and without the key no one can tell which chat it was. */
export function visitorHash(key: string, channel: string, chat: string | undefined): string | null {
  if (!chat) return null;
  return createHmac('sha256', key).update(`${channel}\0${chat}`).digest('hex').slice(0, 32);
}

export function createQuestionLog(deps: QuestionLogDeps): QuestionLog {
  const flushEveryMs = deps.flushEveryMs ?? 1000;
  const batchSize = deps.batchSize ?? 200;
  const maxBuffered = deps.maxBuffered ?? 10_000;
  const buffer: QuestionRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let dropped = 0;
  let closed = false;
  // Chats ask several questions: their hash is computed once (bounded; cleared when full).
  const visitors = new Map<string, string | null>();
  const visitorOf = (channel: string, chat: string | undefined) => {
    if (!chat) return null;
    const id = `${channel}\0${chat}`;
    let visitor = visitors.get(id);
    if (visitor === undefined) {
      if (visitors.size >= 10_000) visitors.clear();
      visitors.set(id, (visitor = visitorHash(deps.key, channel, chat)));
    }
    return visitor;
  };

  async function writeBuffered(): Promise<void> {
    while (buffer.length) {
      const batch = buffer.splice(0, batchSize);
      try {
        await deps.questions.insertMany(batch);
      } catch (error) {
        // Only the error's kind: a database error's message can quote the rows, and the rows hold visitors' words.
        const { name, code } = error as { name?: string; code?: string };
        deps.logger.warn({ error: name, code, rows: batch.length }, 'question log: batch not written, dropped');
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // One writer at a time; it takes what arrives while it writes.
    writing ??= writeBuffered().finally(() => (writing = undefined));
    return writing;
  }

  function record(entry: Parameters<QuestionRecorder['record']>[0]): void {
    if (closed) return;
    try {
      const { chat, ...fields } = entry;
      buffer.push({ ...fields, visitor: visitorOf(entry.channel, chat), askedAt: new Date() });
      if (buffer.length > maxBuffered) {
        buffer.shift();
        dropped++;
        // The first, then once per thousand, so a long outage does not flood the log.
        if (dropped === 1 || dropped % 1000 === 0) deps.logger.warn({ dropped }, 'question log: buffer full, oldest questions dropped');
      }
      if (buffer.length >= batchSize) void flush();
      else timer ??= setTimeout(() => void flush(), flushEveryMs).unref();
    } catch (error) {
      deps.logger.warn({ error: (error as Error).name }, 'question log: could not record a question');
    }
  }

  return {
    record,
    flush,
    async close() {
      await flush();
      closed = true;
    },
  };
}

/** QUESTION_LOG=off: nothing is kept. */
export const noQuestionLog: QuestionLog = {
  record: () => undefined,
  flush: async () => undefined,
  close: async () => undefined,
};
