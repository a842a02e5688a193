// A village's latest published vlog on its bot card, end to end: a clip uploaded with its village and
// published on the web; Telegram sends the card as a photo (the poster uploaded once, then by file_id);
// Zalo's OA shows the poster as a list template's image, the Zalo Bot platform as a photo by URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Api, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { resolveBinaries } from '../../src/media/binaries.js';
import { encodeAction } from '../../src/conversation/actions.js';
import { createPhotoFiles } from '../../src/channels/telegram/photo-files.js';
import { render } from '../../src/channels/telegram/render.js';
import { planOaMessages } from '../../src/channels/zalo/render-oa.js';
import type { ZaloClient, ZaloListElement } from '../../src/channels/zalo/client.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { createLatestVlog } from '../../src/services/publishing/latest-vlog.js';
import { createRepositories } from '../../src/data/repositories.js';
import { createLogger } from '../../src/logger.js';
import { Messages } from '../../src/i18n/messages.js';
import { loadHandbook } from '../../src/content/load.js';
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { makeTestClip } from '../helpers/media.js';
import { addStaffFor } from '../helpers/staff.js';
import { waitUntil } from '../helpers/wait.js';
import { testConfig } from '../helpers/test-env.js';
import { buildDialogue, openChat } from '../unit/dialogue-kit.js';

const PUBLIC_URL = 'https://langnghe.example';
const SECRET = 'vlog-card-webhook-secret';
const TOKEN = '123456:TEST-vlog-cards';
const ZALO_APP_ID = '2553928453557884079';
const ZALO_OA_SECRET = 'oa-secret-vlog-cards';
const messages = new Messages('content/locales');
const handbook = loadHandbook('content');
const work = mkdtempSync(join(tmpdir(), 'langnghe-vlog-cards-'));

let telegram: FakeTelegram;
let zalo: FakeZalo;
let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let redis: Redis;
let token: string;
let updateId = 1;
let chatId = 8000;
let zaloUser = 9000;
let zaloMsg = 1;

/** The villages' vlogs, as the tests made them. */
const vlogs: Record<string, { clipId: string; title: string; slug: string; poster?: string }> = {};

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo({ access: 'zalo-access-vlog-cards', refresh: 'unused' });
  config = testConfig({
    PUBLIC_URL,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_REPLY: 'false',
    ZALO_APP_ID,
    ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
    ZALO_ACCESS_TOKEN: 'zalo-access-vlog-cards',
    ZALO_API_BASE: zalo.url,
  });
  prisma = createPrisma(config.DATABASE_URL);
  redis = new Redis(config.REDIS_URL);
  await prisma.zaloToken.deleteMany();
  app = await startApp(config, 'all');
  token = (await addStaffFor(prisma, 'Vlog cards')).token;

  // Ước Lễ: the whole way, a clip uploaded with its village, processed and published on the web.
  const uploaded = await uploadClip('uoc-le', { title: 'Gói giò Ước Lễ', village: 'uoc-le' });
  expect(uploaded.status).toBe(201);
  const clip = (await uploaded.json()) as { id: string };
  await waitUntil(async () => (await api(`/api/clips/${clip.id}`)).state === 'ready', { timeoutMs: 60_000, what: 'the clip to be ready' });
  const scheduled = await api('/api/publications', { clipId: clip.id, target: 'web', publishAt: new Date(Date.now() + 1500).toISOString() });
  await waitUntil(async () => (await api(`/api/publications/${scheduled.id}`)).state === 'published', { timeoutMs: 30_000, what: 'the web publication' });
  const row = await prisma.clip.findUniqueOrThrow({ where: { id: clip.id }, include: { renditions: true } });
  vlogs['uoc-le'] = { clipId: clip.id, title: row.title, slug: row.slug!, poster: row.renditions.find((r) => r.kind === 'poster')?.path };
  // Straight into the database and the media folder: a long card's village, and a vlog with no poster.
  vlogs['tich-giang'] = await publishedVlog('tich-giang', 'Dệt thảm len Tích Giang', { poster: true });
  vlogs['trung-ha'] = await publishedVlog('trung-ha', 'Tráng bánh đa nem Trung Hà', { poster: false });
}, 180_000);

afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await prisma?.$disconnect();
  await Promise.all([telegram?.close(), zalo?.close()]);
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  chatId++;
  zaloUser++;
});

async function api(path: string, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

async function uploadClip(name: string, fields: Record<string, string>) {
  const path = await makeTestClip(join(work, `${name}.mp4`), { seconds: 2, width: 960, height: 540 });
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), `${name}.mp4`);
  return fetch(`${app.url}/api/clips`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

/** A published vlog of the village made without the pipeline: the rows, and a poster made by ffmpeg. */
async function publishedVlog(village: string, title: string, options: { poster: boolean }) {
  const clipId = randomUUID();
  const folder = join(config.MEDIA_DIR, 'clips', clipId);
  mkdirSync(folder, { recursive: true });
  const poster = `clips/${clipId}/poster.jpg`;
  if (options.poster) {
    const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720', '-frames:v', '1', join(config.MEDIA_DIR, poster)];
    await promisify(execFile)(resolveBinaries(process.env).ffmpeg, args);
  }
  const slug = `${village}-${clipId.slice(0, 8)}`;
  await prisma.clip.create({
    data: {
      id: clipId,
      title,
      state: 'ready',
      slug,
      villageId: village,
      sourceName: `${village}.mp4`,
      sourceBytes: 1n,
      width: 1280,
      height: 720,
      durationSec: 4,
      renditions: options.poster
        ? {
            create: [
              { kind: 'poster', path: poster, mimeType: 'image/jpeg', width: 1280, height: 720, bytes: BigInt(statSync(join(config.MEDIA_DIR, poster)).size) },
            ],
          }
        : undefined,
      publications: { create: [{ target: 'web', publishAt: new Date(), state: 'published', publishedAt: new Date() }] },
    },
  });
  return { clipId, title, slug, poster: options.poster ? poster : undefined };
}

// Telegram, through the real webhook.
const postTo = (base: string, update: unknown) =>
  fetch(`${base}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
const from = () => ({ id: chatId, is_bot: false, first_name: 'Lan', language_code: 'en' });
const chat = () => ({ id: chatId, type: 'private' as const });
/** A button pressed on a message: a text one, or a photo one (a card with a poster). */
const press = (data: string, messageId: number, on: 'text' | 'photo' = 'text') => ({
  update_id: updateId++,
  callback_query: {
    id: `cb${updateId}`,
    from: from(),
    chat_instance: 'ci',
    data,
    message: {
      message_id: messageId,
      date: 1_700_000_000,
      chat: chat(),
      ...(on === 'photo' ? { photo: [{ file_id: 'old-photo', file_unique_id: 'old', width: 1280, height: 720 }], caption: 'a card' } : { text: 'previous' }),
    },
  },
});
const textMessage = (text: string) => ({ update_id: updateId++, message: { message_id: updateId, date: 1_700_000_000, chat: chat(), from: from(), text } });
const callsFor = (since: number, method: string) => telegram.calls.slice(since).filter((c) => c.method === method && Number(c.params.chat_id) === chatId);
async function waitForCall(since: number, method: string, count = 1): Promise<RecordedCall[]> {
  return waitUntil(() => callsFor(since, method).length >= count && callsFor(since, method), { what: `${count} ${method} for chat ${chatId}` });
}
const answered = (since: number) =>
  waitUntil(() => telegram.calls.slice(since).some((c) => c.method === 'answerCallbackQuery'), { what: 'the button answered' });
const buttonsOf = (call: RecordedCall) => (call.params.reply_markup?.inline_keyboard ?? []).flat() as Array<{ text: string; callback_data?: string }>;
const pageOf = (village: string) => `${PUBLIC_URL}/vlogs/${vlogs[village]!.slug}`;
const posterBytes = (village: string) => statSync(join(config.MEDIA_DIR, vlogs[village]!.poster!)).size;
/** The card as the dialogue writes it for a chat app that knows no vlogs. */
const cardWithoutVlog = async (village: string) => (await openChat(buildDialogue(), { languageCode: 'en' }).send({ type: 'action', data: `v:${village}` }))[0]!;

describe('the upload chooses the village', () => {
  it('refuses a clip for a village the handbook does not have, and keeps nothing', async () => {
    const before = await prisma.clip.count();
    const refused = await uploadClip('atlantis', { title: 'Somewhere else', village: 'atlantis' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/no village "atlantis"/);
    expect(await prisma.clip.count()).toBe(before);
  });

  it('keeps the village chosen at upload on the clip and its public page', async () => {
    const clip = await api(`/api/clips/${vlogs['uoc-le']!.clipId}`);
    expect(clip.village).toBe('uoc-le');
    const page = await (await fetch(`${app.url}/vlogs/${vlogs['uoc-le']!.slug}`)).text();
    expect(page).toContain('/villages/uoc-le');
  });
});

describe('a clip sent to the bot by staff', () => {
  it('takes its village from a caption line that names one, and says so', async () => {
    const staffChat = 88_001;
    const say = (fields: Record<string, unknown>) =>
      postTo(app.url!, {
        update_id: updateId++,
        message: {
          message_id: updateId,
          date: 1_700_000_000,
          chat: { id: staffChat, type: 'private' },
          from: { id: staffChat, is_bot: false, first_name: 'Hà', language_code: 'vi' },
          ...fields,
        },
      });
    const sent = (since: number) => telegram.calls.slice(since).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === staffChat);
    let since = telegram.calls.length;
    await say({ text: `/staff ${token}`, entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    const [linked] = await waitUntil(() => sent(since).length > 0 && sent(since), { what: 'the staff chat linked' });
    expect(linked!.params.text).toContain(messages.t('vi', 'vlog-card-clip-village-how'));

    const data = readFileSync(await makeTestClip(join(work, 'tan-my.mp4'), { seconds: 2, width: 854, height: 480 }));
    telegram.addFile('tan-my-clip', data);
    since = telegram.calls.length;
    await say({
      video: {
        file_id: 'tan-my-clip',
        file_unique_id: 'utan',
        width: 854,
        height: 480,
        duration: 2,
        mime_type: 'video/mp4',
        file_size: data.length,
        file_name: 'tan-my.mp4',
      },
      caption: 'Thêu tay Tân Mỹ\n📍 tan my',
    });
    const [received] = await waitUntil(() => sent(since).length > 0 && sent(since), { timeoutMs: 30_000, what: 'the clip received' });
    const name = handbook.villages.find((v) => v.id === 'tan-my')!.name.vi;
    expect(received!.params.text).toBe(
      `${messages.t('vi', 'clip-received', { title: 'Thêu tay Tân Mỹ' })}\n${messages.t('vi', 'vlog-card-clip-village', { village: name })}`,
    );
    expect(await prisma.clip.findFirstOrThrow({ where: { title: 'Thêu tay Tân Mỹ' } })).toMatchObject({ villageId: 'tan-my' });
  });
});

describe('Telegram', () => {
  it('sends the card of a village with a vlog as a photo: the poster uploaded, the card as caption, the same keyboard', async () => {
    await forgetPhotoFiles();
    const since = telegram.calls.length;
    await postTo(app.url!, press(encodeAction({ kind: 'village', id: 'uoc-le', part: 0 }), 910));
    const [photo] = await waitForCall(since, 'sendPhoto');
    expect(photo!.files.photo?.bytes).toBe(posterBytes('uoc-le'));
    const caption = String(photo!.params.caption);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption).toContain('🏘 Ước Lễ');
    expect(caption).toContain(messages.t('en', 'vlog-card-latest', { title: 'Gói giò Ước Lễ', link: pageOf('uoc-le') }));
    // The card entire: the text a chat without vlogs gets, with the vlog's lines under the address.
    const plain = await cardWithoutVlog('uoc-le');
    expect(caption.replace(/\n🎬 .*\n.*/, '')).toBe(plain.text);
    expect(buttonsOf(photo!).map((b) => b.callback_data)).toEqual(actionsOf(plain));
    expect(callsFor(since, 'sendMessage')).toHaveLength(0);
    await answered(since);
  });

  it('sends the same poster by its file_id the next time, in any chat, without uploading it again', async () => {
    await forgetPhotoFiles();
    const first = await cardPhoto('uoc-le');
    chatId++;
    const second = await cardPhoto('uoc-le');
    expect(first.files.photo).toBeDefined();
    expect(second.files).toEqual({});
    expect(second.params.photo).toBe(first.result.photo.at(-1).file_id);
    expect(second.params.caption).toBe(first.params.caption);
  });

  it('uploads the poster again when Telegram no longer knows its file_id', async () => {
    await cardPhoto('uoc-le');
    const failuresBefore = telegram.failures.length;
    telegram.failNext('sendPhoto', { error_code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' });
    const uploaded = await cardPhoto('uoc-le');
    expect(telegram.failures.slice(failuresBefore).map((f) => f.method)).toEqual(['sendPhoto']);
    expect(uploaded.files.photo?.bytes).toBe(posterBytes('uoc-le'));
    const reused = await cardPhoto('uoc-le');
    expect(reused.params.photo).toBe(uploaded.result.photo.at(-1).file_id);
  });

  it('puts a long card’s heading under the photo and the rest, with the keyboard, in the message after it', async () => {
    const since = telegram.calls.length;
    await postTo(app.url!, press(encodeAction({ kind: 'village', id: 'tich-giang', part: 0 }), 912));
    const [text] = await waitForCall(since, 'sendMessage');
    const [photo] = callsFor(since, 'sendPhoto');
    expect(photo!.at).toBeLessThanOrEqual(text!.at);
    const caption = String(photo!.params.caption);
    expect(caption.startsWith('🏘 ')).toBe(true);
    expect(caption).toContain(pageOf('tich-giang'));
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(photo!.params.reply_markup).toBeUndefined();
    // Nothing lost and nothing said twice: heading and rest make the whole card.
    const plain = await cardWithoutVlog('tich-giang');
    expect(plain.text.length).toBeGreaterThan(1024);
    expect(`${caption}\n\n${text!.params.text}`.replace(/\n🎬 .*\n.*/, '')).toBe(plain.text);
    expect(buttonsOf(text!).map((b) => b.callback_data)).toEqual(
      expect.arrayContaining(['vd:tich-giang', 'vp:tich-giang:0', 'vn:tich-giang', 'vr:tich-giang']),
    );
  });

  it('names a vlog that has no poster in a text card, and sends a village without a vlog as before', async () => {
    let since = telegram.calls.length;
    await postTo(app.url!, press(encodeAction({ kind: 'village', id: 'trung-ha', part: 0 }), 913));
    const [named] = await waitForCall(since, 'sendMessage');
    expect(named!.params.text).toContain(messages.t('en', 'vlog-card-latest', { title: 'Tráng bánh đa nem Trung Hà', link: pageOf('trung-ha') }));

    since = telegram.calls.length;
    await postTo(app.url!, press(encodeAction({ kind: 'village', id: 'tran-phu', part: 0 }), 914));
    const [plain] = await waitForCall(since, 'sendMessage');
    expect(plain!.params.text).toBe((await cardWithoutVlog('tran-phu')).text);
    await answered(since);
    expect(callsFor(since, 'sendPhoto')).toHaveLength(0);
  });

  it('answers a question about the village with the poster too, and a follow-up without it', async () => {
    let since = telegram.calls.length;
    await postTo(app.url!, textMessage('Ước Lễ'));
    const [photo] = await waitForCall(since, 'sendPhoto');
    expect(String(photo!.params.caption)).toContain(pageOf('uoc-le'));
    since = telegram.calls.length;
    await postTo(app.url!, textMessage('how do I get there?'));
    const [followUp] = await waitForCall(since, 'sendMessage');
    expect(followUp!.params.text).not.toContain(pageOf('uoc-le'));
    expect(callsFor(since, 'sendPhoto')).toHaveLength(0);
  });

  it('answers a list button pressed on the photo with a new message: a photo cannot become text', async () => {
    const photo = await cardPhoto('uoc-le');
    const since = telegram.calls.length;
    const failuresBefore = telegram.failures.length;
    const craft = handbook.villages.find((v) => v.id === 'uoc-le')!.crafts[0]!;
    await postTo(app.url!, press(encodeAction({ kind: 'villages', craft, page: 0 }), photo.result.message_id, 'photo'));
    const [list] = await waitForCall(since, 'sendMessage');
    expect(buttonsOf(list!).map((b) => b.callback_data)).toContain('v:uoc-le');
    expect(telegram.calls.slice(since).filter((c) => c.method === 'editMessageText')).toHaveLength(0);
    expect(telegram.failures.slice(failuresBefore)).toEqual([]);
  });

  it('replaces a photo in place with another photo (editMessageMedia), and never edits a text into one', async () => {
    const photos = createPhotoFiles({ redis, keyPrefix: `${config.QUEUE_PREFIX}-render`, mediaDir: config.MEDIA_DIR });
    const reply = {
      text: 'Dệt thảm len',
      photo: { url: `/media/${vlogs['tich-giang']!.poster}`, alt: 'poster' },
      edit: true,
      buttons: [[{ label: 'OK', action: 'menu' }]],
    };

    const onPhoto = contextFor(press('menu', 4242, 'photo'));
    let since = telegram.calls.length;
    await render(onPhoto, [reply], { messages, lang: 'en', photos });
    const [edit] = await waitForCall(since, 'editMessageMedia');
    expect(edit!.params).toMatchObject({ message_id: '4242', media: { type: 'photo', caption: 'Dệt thảm len' } });
    expect(edit!.files.media?.bytes).toBe(posterBytes('tich-giang'));
    expect(buttonsOf(edit!).map((b) => b.text)).toEqual(['OK']);
    expect(callsFor(since, 'sendPhoto')).toHaveLength(0);

    const onText = contextFor(press('menu', 4243, 'text'));
    since = telegram.calls.length;
    await render(onText, [reply], { messages, lang: 'en', photos });
    const [sent] = await waitForCall(since, 'sendPhoto');
    // The file_id the edit got back: no second upload.
    expect(sent!.params.photo).toBe(edit!.result.photo.at(-1).file_id);
    expect(callsFor(since, 'editMessageMedia')).toHaveLength(0);
  });

  it('sends a card as text when its poster is gone from MEDIA_DIR', async () => {
    const gone = await publishedVlog('vinh-thinh', 'Ảnh đã xoá', { poster: true });
    rmSync(join(config.MEDIA_DIR, gone.poster!));
    const since = telegram.calls.length;
    await postTo(app.url!, press(encodeAction({ kind: 'village', id: 'vinh-thinh', part: 0 }), 915));
    const [text] = await waitForCall(since, 'sendMessage');
    expect(text!.params.text).toContain('Ảnh đã xoá');
    expect(callsFor(since, 'sendPhoto')).toHaveLength(0);
  });

  it('with webhook replies on, uploads the photo by its own call and answers the rest in the webhook response', async () => {
    const fast = await startApp({ ...config, TELEGRAM_WEBHOOK_REPLY: true, QUEUE_PREFIX: `${config.QUEUE_PREFIX}-fast`, PORT: 0 }, 'server');
    try {
      const since = telegram.calls.length;
      const response = await postTo(fast.url!, press(encodeAction({ kind: 'village', id: 'tich-giang', part: 0 }), 916));
      const body = await response.json();
      const [photo] = callsFor(since, 'sendPhoto');
      expect(photo!.files.photo?.bytes).toBe(posterBytes('tich-giang'));
      expect(body).toMatchObject({ method: 'sendMessage', chat_id: chatId });
      expect(buttonsOf({ params: body } as never).map((b) => b.callback_data)).toContain('vd:tich-giang');
      expect(callsFor(since, 'sendMessage')).toHaveLength(0);

      chatId++;
      const again = telegram.calls.length;
      const short = await postTo(fast.url!, press(encodeAction({ kind: 'village', id: 'uoc-le', part: 0 }), 917));
      expect(await short.text()).not.toContain('sendPhoto');
      const [sent] = await waitForCall(again, 'sendPhoto');
      expect(String(sent!.params.caption)).toContain(pageOf('uoc-le'));
    } finally {
      await fast.close();
    }
  });
});

describe('Zalo', () => {
  const zaloEvent = (text: string) =>
    JSON.stringify({
      app_id: ZALO_APP_ID,
      event_name: 'user_send_text',
      sender: { id: String(zaloUser) },
      recipient: { id: '3662729599332560487' },
      message: { text, msg_id: `vlog-msg-${zaloMsg++}` },
      timestamp: String(Date.now()),
    });
  async function say(text: string) {
    const raw = zaloEvent(text);
    const before = zalo.sends.length;
    const response = await fetch(`${app.url}/zalo/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zevent-signature': `mac=${zaloSignature(ZALO_APP_ID, raw, JSON.parse(raw).timestamp, ZALO_OA_SECRET)}`,
      },
      body: raw,
    });
    expect(response.status).toBe(200);
    await app.settled();
    return zalo.sends
      .slice(before)
      .filter((s) => s.body.recipient.user_id === String(zaloUser))
      .map((s) => s.body.message);
  }

  it("shows the poster on the OA as a list template's image that opens the vlog, then the card", async () => {
    const [picture, card, ...rest] = await say('#v:uoc-le');
    expect(rest).toEqual([]);
    expect(picture.attachment.payload.template_type).toBe('list');
    expect(picture.attachment.payload.elements).toEqual([
      {
        title: messages.t('vi', 'vlog-card-poster', { title: 'Gói giò Ước Lễ' }),
        subtitle: messages.t('vi', 'vlog-watch'),
        image_url: `${PUBLIC_URL}/media/${vlogs['uoc-le']!.poster}`,
        default_action: { type: 'oa.open.url', url: pageOf('uoc-le') },
      },
    ]);
    expect(card.text).toContain(messages.t('vi', 'vlog-card-latest', { title: 'Gói giò Ước Lễ', link: pageOf('uoc-le') }));
    expect(card.attachment.payload.buttons.map((b: { payload: unknown }) => b.payload)).toContain('#vd:uoc-le');
  });

  it('sends a village without a vlog as before: no picture', async () => {
    const sent = await say('#v:tran-phu');
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toBe(
      (await openChat(buildDialogue({ textLimit: 2000, pageSize: 5 }), { languageCode: 'vi' }).send({ type: 'action', data: 'v:tran-phu' }))[0]!.text,
    );
  });

  it('shows no picture on the OA without PUBLIC_URL: Zalo cannot fetch a path', async () => {
    const reply = { text: 'Ước Lễ', photo: { url: `/media/${vlogs['uoc-le']!.poster}`, alt: 'poster', link: `/vlogs/${vlogs['uoc-le']!.slug}` } };
    const lists: ZaloListElement[][] = [];
    const client = {
      sendList: async (_u: string, elements: ZaloListElement[]) => (lists.push(elements), 'm'),
      sendText: async () => 't',
    } as unknown as ZaloClient;
    for (const send of planOaMessages([reply], messages, 'vi')) await send(client, 'u');
    expect(lists).toEqual([]);
    for (const send of planOaMessages([reply], messages, 'vi', { publicUrl: `${PUBLIC_URL}/` })) await send(client, 'u');
    expect(lists[0]![0]!.image_url).toBe(`${PUBLIC_URL}/media/${vlogs['uoc-le']!.poster}`);
  });

  it('sends the card as a photo by URL with the card as caption on the Zalo Bot platform', async () => {
    const bot = await startApp(
      testConfig({
        PUBLIC_URL,
        ZALO_MODE: 'bot',
        ZALO_BOT_TOKEN: '12345689:vlog-cards',
        ZALO_BOT_WEBHOOK_SECRET: 'bot-secret-vlog-cards',
        ZALO_BOT_API_BASE: zalo.url,
      }),
      'server',
    );
    try {
      const say = async (text: string) => {
        const before = zalo.botSends.length;
        const update = { event_name: 'message.text.received', message: { message_id: `bm-${zaloMsg++}`, chat: { id: `bot-${zaloUser}` }, text } };
        const response = await fetch(`${bot.url}/zalo/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'bot-secret-vlog-cards' },
          body: JSON.stringify(update),
        });
        expect(response.status).toBe(200);
        await bot.settled();
        return zalo.botSends.slice(before);
      };
      const [photo, ...rest] = await say('Ước Lễ');
      expect(rest).toEqual([]);
      expect(photo).toMatchObject({ method: 'sendPhoto', body: { chat_id: `bot-${zaloUser}`, photo: `${PUBLIC_URL}/media/${vlogs['uoc-le']!.poster}` } });
      expect(photo!.body.caption).toContain(pageOf('uoc-le'));
      expect(photo!.body.caption).toContain(messages.t('vi', 'zalo-numbered-menu'));

      const plain = await say('Trần Phú');
      expect(plain.map((s) => s.method)).toEqual(['sendMessage']);
    } finally {
      await bot.close();
    }
  });
});

describe('the latest vlog, kept a short while', () => {
  it('answers from memory until it lapses, then sees a new vlog', async () => {
    const logger = createLogger({ level: 'silent', secrets: [] });
    const latest = createLatestVlog({ publications: createRepositories(prisma).publications, publicUrl: PUBLIC_URL, logger }, { keepMs: 1500 });
    const asked = Date.now();
    expect(await latest('vinh-loc')).toBeUndefined();
    const made = await publishedVlog('vinh-loc', 'Vlog mới', { poster: false });
    expect(Date.now() - asked).toBeLessThan(1500);
    expect(await latest('vinh-loc')).toBeUndefined();
    await waitUntil(async () => (await latest('vinh-loc'))?.slug === made.slug, { timeoutMs: 3000, what: 'the new vlog after the keep time' });
    expect(Date.now() - asked).toBeGreaterThanOrEqual(1500);
    expect(await latest('vinh-loc')).toEqual({ title: 'Vlog mới', slug: made.slug, pageUrl: `${PUBLIC_URL}/vlogs/${made.slug}`, posterUrl: undefined });
  });
});

/** A village card asked for in this chat: the sendPhoto it became. */
async function cardPhoto(village: string): Promise<RecordedCall> {
  const since = telegram.calls.length;
  await postTo(app.url!, press(encodeAction({ kind: 'village', id: village, part: 0 }), 999));
  const [photo] = await waitForCall(since, 'sendPhoto');
  await answered(since);
  return photo!;
}

/** The actions of a reply's buttons, in order. */
const actionsOf = (reply: { buttons?: Array<Array<{ label: string } & ({ action: string } | { url: string })>> }) =>
  (reply.buttons ?? []).flat().map((b) => ('action' in b ? b.action : undefined));

/** Telegram's file_ids kept in Redis forgotten: the next poster is uploaded. */
async function forgetPhotoFiles() {
  const keys = await redis.keys(`${config.QUEUE_PREFIX}:telegram:photo:*`);
  if (keys.length) await redis.del(...keys);
}

/** A grammY context for an update, talking to the fake Telegram: to call the renderer itself. */
function contextFor(update: unknown): Context {
  const me: UserFromGetMe = {
    id: 42,
    is_bot: true,
    first_name: 'LangNghe',
    username: 'langnghe_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
  return new Context(update as Update, new Api(TOKEN, { apiRoot: telegram.url }), me);
}
