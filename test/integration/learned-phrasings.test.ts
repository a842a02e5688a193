// Teaching the bot over the API: a question the bot cannot answer is taught to a village, and then answered
// so by this server process at once and by a second one within 10 s; undo restores the old answer in both.
// Also: unknown targets, staff only, and `npm run content:learned` writing a file the loader accepts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { createRepositories } from '../../src/data/repositories.js';
import { loadHandbook } from '../../src/content/load.js';
import { learnedYaml } from '../../src/content/learned-file.js';
import { startLearnedSync } from '../../src/services/learning/learned-sync.js';
import { createLogger } from '../../src/logger.js';
import type { LearnedEntry } from '../../src/content/schema.js';
import { addStaffFor } from '../helpers/staff.js';
import { testConfig, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/test-env.js';

const NICKNAME = 'xóm lụa bà Chúa';
const MISSPELT = 'xom lua ba chau';
let first: RunningApp;
let second: RunningApp;
let prisma: PrismaClient;
let token: string;

const ask = async (app: RunningApp, text: string) => {
  const response = await fetch(`${app.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  return (await response.json()) as { intent: string; items: Array<{ id: string }> };
};
const api = (app: RunningApp, method: string, path: string, body?: unknown, auth = token) =>
  fetch(`${app.url}${path}`, {
    method,
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Asks until `expected` holds, for at most `ms`; gives how long it took. */
async function askUntil(app: RunningApp, text: string, expected: (answer: { intent: string; items: Array<{ id: string }> }) => boolean, ms = 10_000) {
  const started = Date.now();
  for (;;) {
    const answer = await ask(app, text);
    if (expected(answer)) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`"${text}" still answered ${JSON.stringify(answer)} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  prisma = createPrisma(TEST_DATABASE_URL);
  const config = testConfig();
  first = await startApp(config, 'server');
  second = await startApp(config, 'server');
  await prisma.learnedPhrasing.deleteMany();
  token = (await addStaffFor(prisma, 'Content editor')).token;
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await prisma?.learnedPhrasing.deleteMany();
  await prisma?.$disconnect();
});

describe('teaching the bot', () => {
  it('answers a taught question with its village in every server process, and undo restores the old answer', async () => {
    expect((await ask(first, NICKNAME)).intent).toBe('unknown');
    expect((await ask(second, NICKNAME)).intent).toBe('unknown');

    const taught = await api(first, 'POST', '/api/learned-phrasings', { text: NICKNAME, target: { type: 'village', id: 'van-phuc' } });
    expect(taught.status).toBe(201);
    const phrasing = await taught.json();
    expect(phrasing).toMatchObject({ text: NICKNAME, folded: 'xom lua ba chua', target: { type: 'village', id: 'van-phuc' } });

    // This process at once, the misspelt variant too; the other one within 10 s (told through Redis).
    expect(await ask(first, NICKNAME)).toMatchObject({ intent: 'village', items: [{ id: 'van-phuc' }] });
    expect(await ask(first, MISSPELT)).toMatchObject({ intent: 'village', items: [{ id: 'van-phuc' }] });
    const heard = await askUntil(second, NICKNAME, (a) => a.items[0]?.id === 'van-phuc');
    expect(heard).toBeLessThan(10_000);
    expect(await ask(second, MISSPELT)).toMatchObject({ intent: 'village', items: [{ id: 'van-phuc' }] });

    const listed = await (await api(second, 'GET', '/api/learned-phrasings')).json();
    expect(listed).toEqual([expect.objectContaining({ id: phrasing.id, text: NICKNAME, target: { type: 'village', id: 'van-phuc' } })]);

    expect((await api(second, 'DELETE', `/api/learned-phrasings/${phrasing.id}`)).status).toBe(204);
    expect((await ask(second, NICKNAME)).intent).toBe('unknown');
    await askUntil(first, NICKNAME, (a) => a.intent === 'unknown');
    expect((await ask(first, MISSPELT)).intent).toBe('unknown');
    expect((await api(first, 'DELETE', `/api/learned-phrasings/${phrasing.id}`)).status).toBe(404);
    console.log(`learned phrasing reached the second server process in ${heard} ms`);
  });

  it('teaching the same phrasing again points it elsewhere; an intent answers as that intent', async () => {
    const one = await (await api(first, 'POST', '/api/learned-phrasings', { text: 'vé máy bay giá rẻ', target: { intent: 'route' } })).json();
    const again = await api(first, 'POST', '/api/learned-phrasings', { text: 'Ve may bay gia re!', target: { intent: 'help' } });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ id: one.id, text: 'Ve may bay gia re!', target: { intent: 'help' } });
    expect((await ask(first, 've may bay gia re')).intent).toBe('help');
    await askUntil(second, 'vé máy bay giá rẻ', (a) => a.intent === 'help');
    expect((await api(first, 'DELETE', `/api/learned-phrasings/${one.id}`)).status).toBe(204);
  });

  it('refuses an unknown target or a bad body with the reason, and stores nothing', async () => {
    const unknown = await api(first, 'POST', '/api/learned-phrasings', { text: NICKNAME, target: { type: 'village', id: 'no-such-village' } });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({ error: 'unknown_target', message: 'the handbook has no village "no-such-village"' });
    const badType = await api(first, 'POST', '/api/learned-phrasings', { text: NICKNAME, target: { type: 'town', id: 'van-phuc' } });
    expect(badType.status).toBe(400);
    expect((await badType.json()).message).toMatch(/target\.type: type is one of village, craft, product, route/);
    const noText = await api(first, 'POST', '/api/learned-phrasings', { text: '  ?! ', target: { intent: 'help' } });
    expect(noText.status).toBe(400);
    expect((await noText.json()).message).toMatch(/text/);
    expect(await prisma.learnedPhrasing.count()).toBe(0);
    expect((await ask(first, NICKNAME)).intent).toBe('unknown');
  });

  it('is for staff only', async () => {
    expect((await api(first, 'POST', '/api/learned-phrasings', { text: NICKNAME, target: { type: 'village', id: 'van-phuc' } }, '')).status).toBe(401);
    expect((await api(first, 'GET', '/api/learned-phrasings', undefined, 'lns_not-a-token')).status).toBe(401);
    expect((await api(first, 'DELETE', '/api/learned-phrasings/00000000-0000-0000-0000-000000000000', undefined, '')).status).toBe(401);
    expect(await prisma.learnedPhrasing.count()).toBe(0);
  });
});

describe('a missed message', () => {
  it('is caught up by the periodic reload', async () => {
    const repos = createRepositories(prisma);
    const applied: LearnedEntry[][] = [];
    // Subscribed to another prefix: it never hears the announcement, as when Redis restarted meanwhile.
    const sync = await startLearnedSync({
      load: () => repos.learnedPhrasings.all(),
      apply: (list) => applied.push(list),
      subscriber: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: 'test-never-announced',
      logger: createLogger({ level: 'silent', secrets: [] }),
      reloadMs: 200,
    });
    try {
      expect(applied).toEqual([[]]);
      const { phrasing } = await repos.learnedPhrasings.create({ text: NICKNAME, folded: 'xom lua ba chua', target: { type: 'village', id: 'van-phuc' } });
      const started = Date.now();
      while (applied.length < 2 && Date.now() - started < 3000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(applied.at(-1)).toEqual([{ text: NICKNAME, target: { type: 'village', id: 'van-phuc' } }]);
      await repos.learnedPhrasings.delete(phrasing.id);
    } finally {
      await sync.close();
    }
  });
});

describe('npm run content:learned', () => {
  it('writes the taught phrasings to a YAML file that the content loader accepts', async () => {
    const taught = await api(first, 'POST', '/api/learned-phrasings', { text: NICKNAME, target: { type: 'village', id: 'van-phuc' } });
    expect(taught.status).toBe(201);
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-learned-cli-'));
    cpSync('content', dir, { recursive: true });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/content-learned.ts', join(dir, 'learned.yaml')], {
      env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 phrasing\(s\), 1 added and 0 changed/);
    expect(loadHandbook(dir).learned).toEqual([{ text: NICKNAME, target: { type: 'village', id: 'van-phuc' } }]);
    expect((await api(first, 'DELETE', `/api/learned-phrasings/${(await taught.json()).id}`)).status).toBe(204);
  });
});

describe('content/learned.yaml', () => {
  it('is imported with the handbook, and the bot answers its phrasings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-learned-content-'));
    cpSync('content', dir, { recursive: true });
    writeFileSync(join(dir, 'learned.yaml'), learnedYaml([{ text: NICKNAME, target: { type: 'village', id: 'van-phuc' } }]));
    const app = await startApp(testConfig({ CONTENT_DIR: dir }), 'server');
    try {
      expect(await ask(app, MISSPELT)).toMatchObject({ intent: 'village', items: [{ id: 'van-phuc' }] });
      // Not a phrasing taught in the console: the API lists none.
      expect(await (await api(app, 'GET', '/api/learned-phrasings')).json()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
