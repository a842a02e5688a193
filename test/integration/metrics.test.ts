// GET /metrics end to end: traffic through /api/ask, the Telegram webhook (fake Bot API) and the web chat, a
// clip through the real worker and ffmpeg, a publication; then the scrape, read by a strict Prometheus text
// parser, must show the counters moved by exactly that traffic, route patterns (never raw URLs), every queue's
// depth by state, and the process's own metrics. METRICS_TOKEN, when set, is required as a Bearer token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { jobContracts } from '../../src/jobs/queues.js';
import { QUEUE_STATES } from '../../src/observability/metrics.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { addStaffFor } from '../helpers/staff.js';
import { makeTestClip, makeTruncatedClip } from '../helpers/media.js';
import { parsePrometheusText, samplesOf, valueOf, type Exposition } from '../helpers/prometheus-text.js';
import { testConfig } from '../helpers/test-env.js';

const SECRET = 'telegram-webhook-secret';
const METRICS_TOKEN = 'metrics-scrape-token-0123456789';
const work = mkdtempSync(join(tmpdir(), 'langnghe-metrics-'));
let telegram: FakeTelegram;
let app: RunningApp;
let guarded: RunningApp;
let prisma: PrismaClient;
let staffToken: string;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  const config = testConfig({
    TELEGRAM_BOT_TOKEN: '123456:TEST-telegram-token',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_REPLY: 'false',
  });
  // Server and workers in one process, as `npm start` runs them: one /metrics shows both.
  app = await startApp(config, 'all');
  // A second app in the same process, with a token: its numbers must be its own.
  guarded = await startApp(testConfig({ METRICS_TOKEN }), 'server');
  prisma = createPrisma(config.DATABASE_URL);
  staffToken = (await addStaffFor(prisma, 'Metrics editor')).token;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await guarded?.close();
  await telegram?.close();
  await prisma?.$disconnect();
});

async function scrape(target: RunningApp = app, headers: Record<string, string> = {}): Promise<Exposition> {
  const response = await fetch(`${target.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function until<T>(what: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await what();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('GET /metrics', () => {
  it('counts answers by intent and channel, unknowns, and chat updates by channel', async () => {
    const before = await scrape();
    const villageQuestions = ['Where is Bat Trang?', 'tell me about Van Phuc', 'tell me about Kieu Ky'];
    for (const text of villageQuestions) {
      const response = await postJson('/api/ask', { text, lang: 'en' });
      expect(((await response.json()) as { intent: string }).intent).toBe('village');
    }
    const unknown = await postJson('/api/ask', { text: 'zqxj wvut plonk', lang: 'en' });
    expect(((await unknown.json()) as { intent: string }).intent).toBe('unknown');

    // One Telegram message through the webhook, answered at the fake Bot API.
    const sentBefore = telegram.calls.filter((c) => c.method === 'sendMessage').length;
    const update = {
      update_id: 9001,
      message: {
        message_id: 1,
        date: 1_700_000_000,
        chat: { id: 777001, type: 'private' },
        from: { id: 777001, is_bot: false, first_name: 'Lan', language_code: 'en' },
        text: 'Where is Bat Trang?',
      },
    };
    const webhook = await postJson('/telegram/webhook', update, { 'x-telegram-bot-api-secret-token': SECRET });
    expect(webhook.status).toBe(200);
    await until(async () => (telegram.calls.filter((c) => c.method === 'sendMessage').length > sentBefore ? true : undefined), 15_000);
    // One web chat turn.
    const chat = await postJson('/api/chat', { text: 'Where is Bat Trang?', lang: 'en' });
    expect(chat.status).toBe(200);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(after.types.get('answers_total')).toBe('counter');
    expect(moved('answers_total', { intent: 'village', channel: 'api' })).toBe(villageQuestions.length);
    expect(moved('answers_total', { intent: 'unknown', channel: 'api' })).toBe(1);
    expect(moved('unknown_answers_total', { channel: 'api' })).toBe(1);
    expect(moved('answers_total', { intent: 'village', channel: 'telegram' })).toBe(1);
    expect(moved('answers_total', { intent: 'village', channel: 'web' })).toBe(1);
    expect(moved('chat_updates_total', { channel: 'telegram' })).toBe(1);
    expect(moved('chat_updates_total', { channel: 'web' })).toBe(1);
    expect(moved('chat_updates_total', { channel: 'zalo' })).toBe(0);

    // The other app in this process saw none of it: a registry per app.
    const other = await scrape(guarded, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(valueOf(other, 'answers_total')).toBe(0);
    expect(valueOf(other, 'chat_updates_total')).toBe(0);
  });

  it('times HTTP requests by route pattern and status, never by raw URL', async () => {
    const before = await scrape();
    await fetch(`${app.url}/villages/bat-trang`);
    await fetch(`${app.url}/villages/van-phuc?utm_source=test`);
    await fetch(`${app.url}/no-such-page-${Date.now()}`);
    await postJson('/api/ask', { text: 'Where is Bat Trang?' });
    const exposition = await scrape();
    expect(exposition.types.get('http_request_duration_seconds')).toBe('histogram');
    const counts = samplesOf(exposition, 'http_request_duration_seconds_count');
    const moved = (labels: Record<string, string>) =>
      valueOf(exposition, 'http_request_duration_seconds_count', labels) - valueOf(before, 'http_request_duration_seconds_count', labels);
    expect(moved({ method: 'POST', route: '/api/ask', status_code: '200' })).toBe(1);
    expect(moved({ method: 'GET', route: '/villages/:id', status_code: '200' })).toBe(2);
    expect(moved({ route: 'unmatched', status_code: '404' })).toBe(1);
    // The scrape before this one is timed too, under its own route.
    expect(moved({ method: 'GET', route: '/metrics', status_code: '200' })).toBeGreaterThanOrEqual(1);
    const routes = new Set(counts.map((s) => s.labels.route ?? ''));
    for (const route of routes) expect(route === 'unmatched' || route.startsWith('/'), route).toBe(true);
    expect([...routes].filter((route) => /bat-trang|van-phuc|no-such-page|\?/.test(route))).toEqual([]);
    // The buckets are cumulative and end at +Inf, equal to the count.
    const buckets = samplesOf(exposition, 'http_request_duration_seconds_bucket', { method: 'POST', route: '/api/ask', status_code: '200' });
    expect(buckets.at(-1)?.labels.le).toBe('+Inf');
    expect(buckets.at(-1)?.value).toBe(valueOf(exposition, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/ask', status_code: '200' }));
  });

  it("shows every queue's depth by state and the process's memory, CPU and event loop", async () => {
    const exposition = await scrape();
    expect(exposition.types.get('bullmq_queue_jobs')).toBe('gauge');
    for (const queue of Object.keys(jobContracts))
      for (const state of QUEUE_STATES) expect(samplesOf(exposition, 'bullmq_queue_jobs', { queue, state }), `${queue} ${state}`).toHaveLength(1);
    for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds'])
      expect(valueOf(exposition, name), name).toBeGreaterThan(0);
  });

  it('times jobs, counts their failures, and measures ffmpeg per clip and publication lateness', async () => {
    const auth = { authorization: `Bearer ${staffToken}` };
    const upload = async (path: string) => {
      const form = new FormData();
      form.append('title', path.split('/').pop()!);
      form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), path.split('/').pop());
      const response = await fetch(`${app.url}/api/clips`, { method: 'POST', headers: auth, body: form });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const settledState = (id: string) =>
      until(async () => {
        const { state } = (await (await fetch(`${app.url}/api/clips/${id}`, { headers: auth })).json()) as { state: string };
        return ['ready', 'rejected', 'failed'].includes(state) ? state : undefined;
      });
    const before = await scrape();
    const good = await upload(await makeTestClip(join(work, 'good.mp4'), { seconds: 1, width: 640, height: 360 }));
    const broken = await upload(await makeTruncatedClip(join(work, 'broken.mp4'), 0.5));
    expect(await settledState(good)).toBe('ready');
    expect(await settledState(broken)).toBe('rejected');

    // The web target publishes without any chat app; "publish now" sends it at once.
    const scheduled = await postJson('/api/publications', { clipId: good, target: 'web', publishAt: 'next' }, auth);
    expect(scheduled.status, await scheduled.clone().text()).toBe(201);
    const { id: publicationId } = (await scheduled.json()) as { id: string };
    expect((await postJson(`/api/publications/${publicationId}/publish-now`, {}, auth)).status).toBe(200);
    await until(async () => {
      const { state } = (await (await fetch(`${app.url}/api/publications/${publicationId}`, { headers: auth })).json()) as { state: string };
      return state === 'published' ? true : undefined;
    });

    // The worker's events reach the registry just after the job ends.
    const after = await until(async () => {
      const scraped = await scrape();
      return valueOf(scraped, 'job_duration_seconds_count', { queue: 'publishing', outcome: 'completed' }) >
        valueOf(before, 'job_duration_seconds_count', { queue: 'publishing', outcome: 'completed' })
        ? scraped
        : undefined;
    }, 10_000);
    const moved = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(moved('job_duration_seconds_count', { queue: 'clip-processing', outcome: 'completed' })).toBe(1);
    expect(moved('job_duration_seconds_count', { queue: 'clip-processing', outcome: 'failed' })).toBe(1);
    expect(moved('job_failures_total', { queue: 'clip-processing' })).toBe(1);
    expect(moved('job_duration_seconds_sum', { queue: 'clip-processing', outcome: 'completed' })).toBeGreaterThan(0);
    // Both clips ran ffmpeg's encoding pass (the broken one until it broke off).
    expect(moved('clip_ffmpeg_seconds_count')).toBe(2);
    expect(moved('clip_ffmpeg_seconds_sum')).toBeGreaterThan(0);
    expect(moved('publication_lateness_seconds_count', { target: 'web' })).toBe(1);
    // Published "now": not late by more than the queue's own delay.
    expect(moved('publication_lateness_seconds_sum', { target: 'web' })).toBeLessThan(10);
  }, 120_000);
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const get = (headers: Record<string, string>) => fetch(`${guarded.url}/metrics`, { headers });

  it('refuses a scrape without the token or with a wrong one, and answers with it', async () => {
    const refused: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${METRICS_TOKEN}x` },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of refused) {
      const response = await get(headers);
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(text).not.toContain(METRICS_TOKEN);
      expect(text).not.toContain('process_resident_memory_bytes');
    }
    const exposition = await scrape(guarded, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(valueOf(exposition, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('is open when no token is configured', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(200);
  });
});
