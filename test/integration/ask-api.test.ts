// POST /api/ask on the real server: conversations remembered in Redis, other languages through the real
// Google client pointed at a fake on 127.0.0.1, translations cached in PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { startFakeTranslate, type FakeTranslate } from '../helpers/fake-google-translate.js';
import { testConfig, TEST_DATABASE_URL } from '../helpers/test-env.js';

const FRENCH_QUESTION = 'Où se trouve le village de Bat Trang ?';
let google: FakeTranslate;
let app: RunningApp;
let withoutTranslation: RunningApp;
let prisma: PrismaClient;

const ask = async (server: RunningApp, body: Record<string, unknown>) => {
  const response = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  google = await startFakeTranslate({ [FRENCH_QUESTION]: { text: 'Where is Bat Trang village?', from: 'fr' } });
  app = await startApp(testConfig({ GOOGLE_TRANSLATE_API_KEY: 'test-google-key', GOOGLE_TRANSLATE_ENDPOINT: google.url }), 'server');
  withoutTranslation = await startApp(testConfig(), 'server');
  prisma = createPrisma(TEST_DATABASE_URL);
  await prisma.translation.deleteMany();
});
afterAll(async () => {
  await app?.close();
  await withoutTranslation?.close();
  await google?.close();
  await prisma?.$disconnect();
});

describe('POST /api/ask', () => {
  it('remembers the last village of a conversation, and only of that conversation', async () => {
    await ask(app, { text: 'tell me about Kieu Ky', conversation: 'visitor-1' });
    const followUp = await ask(app, { text: 'how do I get there?', conversation: 'visitor-1' });
    expect(followUp.body).toMatchObject({ intent: 'village', items: [{ id: 'kieu-ky' }] });
    const stranger = await ask(app, { text: 'how do I get there?', conversation: 'visitor-2' });
    expect(stranger.body.intent).toBe('unknown');
  });

  it('finds the nearest villages to a location, with distances', async () => {
    const { body } = await ask(app, { text: 'làng nghề gần đây', location: { lat: 20.9787, lon: 105.7718 } });
    expect(body.intent).toBe('nearby');
    expect(body.items[0]).toMatchObject({ id: 'van-phuc', type: 'village' });
    expect(body.items[0].distanceKm).toBeLessThan(1);
  });

  it('answers another language through Google, and pays for each sentence once', async () => {
    const first = await ask(app, { text: FRENCH_QUESTION });
    expect(first.body).toMatchObject({ lang: 'fr', intent: 'village', items: [{ id: 'bat-trang' }] });
    expect(first.body.text).toMatch(/^\[fr\] Bát Tràng Ceramic Village/);
    expect(google.calls).toHaveLength(2); // the question to English, the answer back to French
    expect(google.calls[0]).toMatchObject({ key: 'test-google-key', target: 'en', q: [FRENCH_QUESTION] });
    expect(google.calls[1]).toMatchObject({ target: 'fr', source: 'en' });

    const again = await ask(app, { text: FRENCH_QUESTION });
    expect(again.body).toEqual(first.body);
    expect(google.calls).toHaveLength(2);
    expect(await prisma.translation.count()).toBe(2);
  });

  it('answers in English and says so when translation fails, never an error', async () => {
    google.failing = true;
    try {
      const { status, body } = await ask(app, { text: 'Wo ist das Dorf Van Phuc?', lang: 'de' });
      expect(status).toBe(200);
      expect(body).toMatchObject({ lang: 'en', intent: 'village', items: [{ id: 'van-phuc' }] });
      expect(body.text).toContain('other languages need translation to be enabled');
    } finally {
      google.failing = false;
    }
  });

  it('answers in English and says so when no translation key is configured', async () => {
    const { body } = await ask(withoutTranslation, { text: '밧짱 마을 Bat Trang 어디에 있나요?' });
    expect(body).toMatchObject({ lang: 'en', items: [{ id: 'bat-trang' }] });
    expect(body.text).toContain('other languages need translation to be enabled');
  });

  it('refuses a malformed request with 400', async () => {
    expect((await ask(app, { text: '' })).status).toBe(400);
    expect((await ask(app, { text: 'hi', location: { lat: 'north' } })).status).toBe(400);
  });
});
