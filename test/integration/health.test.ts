// /healthz names what is down: here Redis (nothing listens on its port) and ffmpeg (no such binary).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp(testConfig({ REDIS_URL: 'redis://127.0.0.1:1', FFMPEG_PATH: '/nonexistent/ffmpeg' }), 'server');
});
afterAll(async () => {
  await app?.close();
});

describe('GET /healthz when parts are down', () => {
  it('answers 503 naming Redis and ffmpeg, while the database is ok', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.db).toBe('ok');
    expect(body.redis).toMatch(/^down: /);
    expect(body.ffmpeg).toMatch(/^down: .*ENOENT/);
  });

  it('still answers visitors while Redis is down', async () => {
    const response = await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'where is Bat Trang' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).items[0].id).toBe('bat-trang');
  });
});
