// The question log's recorder on its own: batching, the timer, what it does when the database refuses a
// batch (drops it, warns without the question's words), and its bounded buffer.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createQuestionLog, visitorHash } from '../../src/services/question-log/question-log.js';
import type { QuestionRow } from '../../src/data/question-repository.js';
import { createLogger } from '../../src/logger.js';

const KEY = 'k'.repeat(64);

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', secrets: [], destination: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) });
  return { logger, lines };
}

const question = (text: string, chat?: string) => ({
  channel: 'telegram' as const,
  chat,
  lang: 'en',
  text,
  folded: text.toLowerCase(),
  intent: 'village',
  entries: ['village:bat-trang'],
  unknown: false,
  latencyMs: 3,
});

describe('the question recorder', () => {
  it('writes nothing on the hot path, then one batch when the timer fires; 200 rows go at once', async () => {
    const batches: QuestionRow[][] = [];
    const log = createQuestionLog({
      questions: { insertMany: async (rows) => (batches.push(rows), rows.length) },
      key: KEY,
      logger: capture().logger,
      flushEveryMs: 200,
    });
    log.record(question('Where is Bat Trang?', '42'));
    log.record(question('Where is Bat Trang?', '42'));
    expect(batches).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(batches.map((b) => b.length)).toEqual([2]);
    expect(batches[0]![0]).toMatchObject({ channel: 'telegram', text: 'Where is Bat Trang?', visitor: visitorHash(KEY, 'telegram', '42') });
    expect(batches[0]![0]).not.toHaveProperty('chat');

    for (let i = 0; i < 450; i++) log.record(question(`q${i}`, String(i)));
    await log.flush();
    expect(batches.slice(1).map((b) => b.length)).toEqual([200, 200, 50]);
    await log.close();
  });

  it('drops a batch the database refuses, with a warning that quotes no question, and keeps answering', async () => {
    const { logger, lines } = capture();
    let fail = true;
    const written: QuestionRow[] = [];
    const log = createQuestionLog({
      questions: {
        insertMany: async (rows) => {
          if (fail)
            throw Object.assign(new Error(`Invalid insert: ${rows.map((r) => r.text).join(',')}`), { name: 'PrismaClientKnownRequestError', code: 'P2010' });
          written.push(...rows);
          return rows.length;
        },
      },
      key: KEY,
      logger,
    });
    expect(() => log.record(question('secret words of a visitor', '1'))).not.toThrow();
    await log.flush();
    expect(lines.join('')).toContain('question log: batch not written, dropped');
    expect(lines.join('')).toContain('P2010');
    expect(lines.join('')).not.toContain('secret words');
    fail = false;
    log.record(question('the next one', '1'));
    await log.close();
    expect(written.map((r) => r.text)).toEqual(['the next one']);
  });

  it('keeps at most maxBuffered rows while the database is slow, dropping the oldest', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const written: QuestionRow[] = [];
    const log = createQuestionLog({
      questions: { insertMany: async (rows) => (await gate, written.push(...rows), rows.length) },
      key: KEY,
      logger: capture().logger,
      batchSize: 10,
      maxBuffered: 50,
    });
    for (let i = 0; i < 200; i++) log.record(question(`q${i}`));
    release();
    await log.close();
    // The first batch was already taken by the writer; of the rest, only the newest 50 were kept.
    expect(written.slice(0, 10).map((r) => r.text)).toEqual(Array.from({ length: 10 }, (_, i) => `q${i}`));
    expect(written.slice(10).map((r) => r.text)).toEqual(Array.from({ length: 50 }, (_, i) => `q${150 + i}`));
  });

  it('hashes the chat with the key: stable, per channel, never the chat itself, and none without a chat', () => {
    const a = visitorHash(KEY, 'telegram', '987654321');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).toBe(visitorHash(KEY, 'telegram', '987654321'));
    expect(a).not.toBe(visitorHash(KEY, 'zalo', '987654321'));
    expect(a).not.toBe(visitorHash('another key', 'telegram', '987654321'));
    expect(visitorHash(KEY, 'api', undefined)).toBeNull();
  });
});
