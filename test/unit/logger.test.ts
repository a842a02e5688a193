import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
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
