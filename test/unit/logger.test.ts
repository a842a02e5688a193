import { describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createLogger, makeScrubber } from '../../src/logger.js';

describe('secret scrubbing', () => {
  it('removes every secret from strings, nested objects and errors', () => {
    const scrub = makeScrubber(['tok-123456', 'pass-word']);
    const out = scrub({ msg: 'calling https://api/bottok-123456/getMe', nested: { list: ['x pass-word y'] }, err: new Error('bad tok-123456') });
    expect(JSON.stringify(out)).not.toMatch(/tok-123456|pass-word/);
    expect(JSON.stringify(out)).toContain('[redacted]');
  });

  it('keeps secrets out of real log lines: fields, messages and errors', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', secrets: ['123456:SECRET-TOKEN'], destination: sink });
    logger.info({ url: 'https://api.telegram.org/bot123456:SECRET-TOKEN/sendMessage' }, 'sent with 123456:SECRET-TOKEN');
    logger.error({ err: new Error('request to /bot123456:SECRET-TOKEN failed') }, 'failed');
    logger.info({ req: { headers: { authorization: 'Bearer lns_abc' } } }, 'request');
    const text = lines.join('');
    expect(lines).toHaveLength(3);
    expect(text).toContain('sendMessage');
    expect(text).not.toContain('SECRET-TOKEN');
    expect(text).not.toContain('lns_abc');
  });
});

describe('log format', () => {
  const collect = (isTTY = false) => {
    const lines: string[] = [];
    const sink = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
      { isTTY },
    );
    return { lines, sink };
  };
  const isJson = (line: string) => {
    try {
      return typeof JSON.parse(line) === 'object';
    } catch {
      return false;
    }
  };

  it('pretty: readable lines, with the secrets scrubbed as in JSON', async () => {
    const { lines, sink } = collect();
    const logger = createLogger({ level: 'info', secrets: ['123456:SECRET-TOKEN'], destination: sink, format: 'pretty' });
    logger.info({ url: 'https://api.telegram.org/bot123456:SECRET-TOKEN/sendMessage' }, 'sent with 123456:SECRET-TOKEN');
    logger.error({ err: new Error('request to /bot123456:SECRET-TOKEN failed') }, 'failed');
    logger.info({ req: { headers: { authorization: 'Bearer lns_abc' } } }, 'request');
    await vi.waitFor(() => expect(lines).toHaveLength(3));
    const text = lines.join('');
    expect(text).not.toContain('SECRET-TOKEN');
    expect(text).not.toContain('lns_abc');
    expect(text).toContain('[redacted]');
    expect(text).toContain('sendMessage');
    expect(text).toContain('request to /bot[redacted] failed');
    // "[12:34:56.789] INFO (1234): sent with [redacted]", fields on the lines below, no colours off a terminal.
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(\d+\): sent with \[redacted\]\n/);
    expect(lines[1]).toMatch(/^\[[\d:.]+\] ERROR \(\d+\): failed\n/);
    expect(text).not.toContain('\u001b[');
    for (const line of text.split('\n').filter(Boolean)) expect(isJson(line)).toBe(false);
  });

  it('json unless asked: absent and json write JSON; auto writes pretty only to a terminal', async () => {
    for (const [format, isTTY, pretty] of [
      [undefined, true, false],
      ['json', true, false],
      ['auto', false, false],
      ['auto', true, true],
    ] as const) {
      const { lines, sink } = collect(isTTY);
      createLogger({ level: 'info', secrets: ['pass-word'], destination: sink, format }).info('hello pass-word');
      await vi.waitFor(() => expect(lines).toHaveLength(1));
      expect(isJson(lines[0]!), `${format} on ${isTTY ? 'a terminal' : 'a pipe'}`).toBe(!pretty);
      expect(lines[0]).toContain('hello [redacted]');
    }
  });

  it('LOG_FORMAT is auto unless set, and one of auto, json, pretty', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
