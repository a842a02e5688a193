import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';

describe('config', () => {
  it('has working defaults on a machine with local PostgreSQL and Redis', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/langnghe');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    // README's relative defaults are made absolute from the working folder at start-up.
    expect(config.MEDIA_DIR).toBe(join(process.cwd(), 'data', 'media'));
    expect(config.CONTENT_DIR).toBe(join(process.cwd(), 'content'));
    expect(config.TELEGRAM_MODE).toBe('off');
  });

  it('turns Telegram off when no token is set, whatever the mode says', () => {
    expect(loadConfig({ TELEGRAM_MODE: 'polling' }).TELEGRAM_MODE).toBe('off');
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' }).TELEGRAM_MODE).toBe('polling');
  });

  it('names every bad key in one message, without their values', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'not a url',
        TELEGRAM_BOT_TOKEN: '1:super-secret-token',
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_SECRET: '',
        WORKER_CONCURRENCY: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const key of ['PORT', 'DATABASE_URL', 'TELEGRAM_WEBHOOK_SECRET', 'WORKER_CONCURRENCY']) expect(message).toContain(key);
    expect(message).not.toContain('super-secret-token');
    expect(message).not.toContain('eighty');
  });

  it('lists the secrets to keep out of logs, database passwords included', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '1:telegram-token',
      ZALO_ACCESS_TOKEN: 'zalo-token',
      DATABASE_URL: 'postgresql://app:db-pass-word@db:5432/langnghe',
    });
    expect(secretsOf(config)).toEqual(expect.arrayContaining(['1:telegram-token', 'zalo-token', 'db-pass-word']));
  });
});
