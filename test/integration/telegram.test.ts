// The Telegram bot end to end: updates posted to the real webhook, answers read at a fake Bot API on
// 127.0.0.1, sessions and update ids in the real Redis.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Api } from 'grammy';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadHandbook } from '../../src/content/load.js';
import { distanceKm } from '../../src/ask/geo.js';
import { Messages } from '../../src/i18n/messages.js';
import { encodeAction } from '../../src/conversation/actions.js';
import { setupTelegram } from '../../src/channels/telegram/setup.js';
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from '../helpers/fake-telegram.js';
import { testConfig } from '../helpers/test-env.js';

const SECRET = 'telegram-webhook-secret';
const handbook = loadHandbook('content');
const messages = new Messages('content/locales');
let telegram: FakeTelegram;
let app: RunningApp;
let updateId = 1;
let chatId = 5000;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  app = await startApp(
    testConfig({
      TELEGRAM_BOT_TOKEN: '123456:TEST-telegram-token',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_REPLY: 'false',
    }),
    'server',
  );
});
afterAll(async () => {
  await app?.close();
  await telegram?.close();
});
beforeEach(() => {
  chatId++; // a fresh chat, so sessions and per-chat limits do not carry over
});

const post = (update: unknown) =>
  fetch(`${app.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: typeof update === 'string' ? update : JSON.stringify(update),
  });
const from = (languageCode = 'en') => ({ id: chatId, is_bot: false, first_name: 'Lan', language_code: languageCode });
const message = (fields: Record<string, unknown>, languageCode?: string) => ({
  update_id: updateId++,
  message: { message_id: updateId, date: 1_700_000_000, chat: { id: chatId, type: 'private' }, from: from(languageCode), ...fields },
});
const command = (name: string, languageCode?: string) =>
  message({ text: `/${name}`, entities: [{ type: 'bot_command', offset: 0, length: name.length + 1 }] }, languageCode);
const press = (data: string, messageId: number) => ({
  update_id: updateId++,
  callback_query: {
    id: `cb${updateId}`,
    from: from(),
    chat_instance: 'ci',
    data,
    message: { message_id: messageId, date: 1_700_000_000, chat: { id: chatId, type: 'private' }, text: 'previous' },
  },
});
/** The calls made for this test's chat after the first `since` calls (a count, not a time: two calls can share a millisecond). */
const callsFor = (since: number, method?: string) =>
  telegram.calls
    .slice(since)
    .filter(
      (c) =>
        (!method || c.method === method) && (Number(c.params.chat_id) === chatId || c.method === 'answerCallbackQuery' || c.method === 'answerInlineQuery'),
    );
async function waitForCall(since: number, method: string, count = 1): Promise<RecordedCall[]> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = callsFor(since, method);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} ${method} for chat ${chatId}, got ${callsFor(since, method).length}`);
}
const buttonsOf = (call: RecordedCall) =>
  (call.params.reply_markup?.inline_keyboard ?? []).flat() as Array<{ text: string; callback_data?: string; url?: string }>;

describe('conversation', () => {
  it("/start greets in the user's language with a language switch and the main menu", async () => {
    const since = telegram.calls.length;
    expect((await post(command('start', 'vi'))).status).toBe(200);
    const [sent] = await waitForCall(since, 'sendMessage');
    expect(sent!.params.text).toContain('Xin chào Lan');
    const data = buttonsOf(sent!).map((b) => b.callback_data);
    expect(data).toEqual(expect.arrayContaining(['lang:vi', 'lang:en', 'cl:0', 'rl:0', 'pl:0', 'nearby', 'status', 'help']));
  });

  it('keeps the chosen language for the chat, whatever the client says', async () => {
    let since = telegram.calls.length;
    await post(press('lang:en', 77));
    await waitForCall(since, 'answerCallbackQuery');
    since = telegram.calls.length;
    await post(command('start', 'vi'));
    const [sent] = await waitForCall(since, 'sendMessage');
    expect(sent!.params.text).toContain('Hello Lan');
  });

  it('pages through a list forward and back by editing the same message', async () => {
    const since = telegram.calls.length;
    await post(press(encodeAction({ kind: 'villages', craft: 'all', page: 0 }), 901));
    await post(press(encodeAction({ kind: 'villages', craft: 'all', page: 1 }), 901));
    await post(press(encodeAction({ kind: 'villages', craft: 'all', page: 0 }), 901));
    const edits = await waitForCall(since, 'editMessageText', 3);
    expect(edits.map((e) => Number(e.params.message_id))).toEqual([901, 901, 901]);
    const firstPage = buttonsOf(edits[0]!).map((b) => b.callback_data);
    const secondPage = buttonsOf(edits[1]!).map((b) => b.callback_data);
    expect(secondPage.filter((d) => d?.startsWith('v:'))).not.toEqual(firstPage.filter((d) => d?.startsWith('v:')));
    expect(buttonsOf(edits[2]!).map((b) => b.callback_data)).toEqual(firstPage);
    expect(callsFor(since, 'sendMessage')).toHaveLength(0);
    expect(await waitForCall(since, 'answerCallbackQuery', 3)).toHaveLength(3);
  });

  it("opens a village card with its buttons, within Telegram's limits", async () => {
    const since = telegram.calls.length;
    await post(press(encodeAction({ kind: 'village', id: 'bat-trang', part: 0 }), 902));
    const [sent] = await waitForCall(since, 'sendMessage');
    expect(sent!.params.text).toContain('Bát Tràng');
    expect(sent!.params.text.length).toBeLessThanOrEqual(4096);
    const data = buttonsOf(sent!).map((b) => b.callback_data);
    expect(data).toEqual(expect.arrayContaining(['vd:bat-trang', 'vp:bat-trang:0', 'vn:bat-trang', 'vr:bat-trang']));
    for (const button of buttonsOf(sent!)) if (button.callback_data) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
  });

  it('sends a venue for directions', async () => {
    const since = telegram.calls.length;
    await post(press('vd:bat-trang', 903));
    const [venue] = await waitForCall(since, 'sendVenue');
    const location = handbook.villages.find((v) => v.id === 'bat-trang')!.location!;
    expect(venue!.params).toMatchObject({ latitude: location.lat, longitude: location.lon });
  });

  it('answers a shared location with the nearest villages, nearest first', async () => {
    const point = { latitude: 20.9787, longitude: 105.7718 };
    const expected = handbook.villages
      .filter((v) => v.location)
      .map((v) => ({ id: v.id, km: distanceKm({ lat: point.latitude, lon: point.longitude }, v.location!) }))
      .sort((a, b) => a.km - b.km || a.id.localeCompare(b.id))
      .slice(0, 5)
      .map((v) => `v:${v.id}`);
    const since = telegram.calls.length;
    await post(message({ location: point }));
    const [sent] = await waitForCall(since, 'sendMessage');
    expect(
      buttonsOf(sent!)
        .map((b) => b.callback_data)
        .filter((d) => d?.startsWith('v:')),
    ).toEqual(expected);
  });

  it('keeps the last village per chat for follow-up questions', async () => {
    let since = telegram.calls.length;
    await post(message({ text: 'Kiêu Kỵ' }));
    await waitForCall(since, 'sendMessage');
    since = telegram.calls.length;
    await post(message({ text: 'how do I get there?' }));
    const [sent] = await waitForCall(since, 'sendMessage');
    expect(sent!.params.text).toContain(handbook.villages.find((v) => v.id === 'kieu-ky')!.name.en);
  });

  it('gives a stale button a short notice and the menu, not an error', async () => {
    const since = telegram.calls.length;
    await post(press('v:a-village-removed-long-ago', 904));
    const [answered] = await waitForCall(since, 'answerCallbackQuery');
    expect(answered!.params.text).toBe(messages.t('en', 'chat-stale'));
    await post(press('something we never made', 905));
    expect(await waitForCall(since, 'answerCallbackQuery', 2)).toHaveLength(2);
  });

  it('offers village and route cards in inline mode', async () => {
    const since = telegram.calls.length;
    await post({ update_id: updateId++, inline_query: { id: 'iq1', from: from(), query: 'bat trang', offset: '' } });
    const [answered] = await waitForCall(since, 'answerInlineQuery');
    const results = answered!.params.results as Array<{ id: string; title: string; input_message_content: { message_text: string } }>;
    expect(results[0]).toMatchObject({ id: 'v:bat-trang' });
    expect(results[0]!.input_message_content.message_text).toContain('Bát Tràng');
  });

  it('in a group answers only what is addressed to it', async () => {
    const group = { id: -chatId, type: 'group', title: 'Friends' };
    const since = telegram.calls.length;
    await post({ update_id: updateId++, message: { message_id: 1, date: 1, chat: group, from: from(), text: 'Bát Tràng ở đâu?' } });
    await post({ update_id: updateId++, message: { message_id: 2, date: 1, chat: group, from: from(), text: '@langnghe_test_bot Bát Tràng ở đâu?' } });
    const deadline = Date.now() + 5000;
    while (telegram.calls.slice(since).filter((c) => Number(c.params.chat_id) === -chatId).length < 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    const sent = telegram.calls.slice(since).filter((c) => Number(c.params.chat_id) === -chatId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params.text).toContain('Bát Tràng');
  });
});

describe('behaving well toward Telegram', () => {
  it('waits out a 429 with retry_after and delivers the message once', async () => {
    telegram.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const since = telegram.calls.length;
    const failuresBefore = telegram.failures.length;
    await post(command('help'));
    const [sent] = await waitForCall(since, 'sendMessage');
    const failed = telegram.failures.slice(failuresBefore).filter((f) => f.method === 'sendMessage');
    expect(failed).toHaveLength(1);
    expect(sent!.at - failed[0]!.at).toBeGreaterThanOrEqual(950);
    await new Promise((r) => setTimeout(r, 300));
    expect(callsFor(since, 'sendMessage')).toHaveLength(1);
  });

  it("apologises in the user's language when handling an update fails", async () => {
    telegram.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    const since = telegram.calls.length;
    expect((await post(command('help', 'vi'))).status).toBe(200);
    const [apology] = await waitForCall(since, 'sendMessage');
    expect(apology!.params.text).toBe(messages.t('vi', 'chat-apology'));
  });

  it('answers an update posted twice only once', async () => {
    const update = command('help');
    const since = telegram.calls.length;
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    await waitForCall(since, 'sendMessage');
    await new Promise((r) => setTimeout(r, 300));
    expect(callsFor(since, 'sendMessage')).toHaveLength(1);
  });

  it('acknowledges 200 random malformed updates without crashing', async () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ update_id: fc.oneof(fc.integer(), fc.string()), message: fc.anything() }, { requiredKeys: [] }),
      fc.record({ update_id: fc.nat(), callback_query: fc.record({ id: fc.string(), data: fc.string(), from: fc.anything() }, { requiredKeys: [] }) }),
      fc.record({
        update_id: fc.nat(),
        message: fc.record(
          { chat: fc.record({ id: fc.integer(), type: fc.constantFrom('private', 'group', 'weird') }), text: fc.string(), location: fc.anything() },
          { requiredKeys: [] },
        ),
      }),
    );
    const samples = fc.sample(garbage, { numRuns: 200, seed: 20261126 });
    for (const sample of samples) {
      const body = typeof sample === 'string' ? sample : JSON.stringify(sample ?? null);
      const response = await post(body);
      expect(response.status, body.slice(0, 200)).toBe(200);
    }
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('answers in the webhook response itself when webhook replies are on', async () => {
    const fast = await startApp(
      testConfig({
        TELEGRAM_BOT_TOKEN: '123456:TEST-telegram-token',
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: telegram.url,
      }),
      'server',
    );
    try {
      const response = await fetch(`${fast.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(message({ text: 'where is Bat Trang' })),
      });
      const body = await response.json();
      expect(body).toMatchObject({ method: 'sendMessage', chat_id: chatId });
      expect(body.text).toContain('Bát Tràng');
    } finally {
      await fast.close();
    }
  });
});

describe('npm run telegram:setup', () => {
  it('sets the webhook with its secret, and commands and descriptions in vi and en', async () => {
    const since = Date.now();
    const printed = await setupTelegram(new Api('123456:TEST-telegram-token', { apiRoot: telegram.url }), messages, {
      url: 'https://langnghe.example/telegram/webhook',
      secret: SECRET,
    });
    const [webhook] = telegram.calls.filter((c) => c.at >= since && c.method === 'setWebhook');
    expect(webhook!.params).toMatchObject({
      url: 'https://langnghe.example/telegram/webhook',
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query', 'inline_query'],
    });
    const commandSets = telegram.calls.filter((c) => c.at >= since && c.method === 'setMyCommands');
    expect(commandSets.map((c) => c.params.language_code ?? 'default').sort()).toEqual(['default', 'vi']);
    expect(commandSets.find((c) => c.params.language_code === 'vi')!.params.commands[0]).toEqual({
      command: 'start',
      description: messages.t('vi', 'commands-start'),
    });
    expect(telegram.calls.filter((c) => c.at >= since && c.method === 'setMyDescription')).toHaveLength(2);
    expect(printed.join('\n')).toContain('https://langnghe.example/telegram/webhook');
    expect(printed.join('\n')).not.toContain(SECRET);
  });
});
