// Staff send clips to the Telegram bot: linking a chat with a staff token, a video fetched with getFile
// from the fake Bot API, the notice when it is ready, duplicates, and files over Telegram's 20 MB limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import { uploadTicketKey } from '../../src/services/staff-chats/upload-ticket-store.js';
import type { Config } from '../../src/config.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { makeTestClip, makeTextFile } from '../helpers/media.js';
import { testConfig } from '../helpers/test-env.js';
import { Messages } from '../../src/i18n/messages.js';

const messages = new Messages('content/locales');

const SECRET = 'telegram-webhook-secret-staff';
const work = mkdtempSync(join(tmpdir(), 'langnghe-tg-staff-'));
let telegram: FakeTelegram;
let app: RunningApp;
let config: Config;
let prisma: PrismaClient;
let staff: { id: string; token: string };
let updateId = 1;
const STAFF_CHAT = 81_001;
const STRANGER_CHAT = 81_002;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  config = testConfig({
    TELEGRAM_BOT_TOKEN: '123456:TEST-staff-token',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_REPLY: 'false',
    PUBLIC_URL: 'https://langnghe.example.vn',
  });
  prisma = createPrisma(config.DATABASE_URL);
  app = await startApp(config, 'all');
  staff = await addStaffFor(prisma, 'Thu Hà');
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await telegram?.close();
  rmSync(work, { recursive: true, force: true });
});

const post = (update: unknown) =>
  fetch(`${app.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
const message = (chatId: number, fields: Record<string, unknown>, languageCode = 'vi') => ({
  update_id: updateId++,
  message: {
    message_id: updateId,
    date: 1_700_000_000,
    chat: { id: chatId, type: 'private' },
    from: { id: chatId, is_bot: false, first_name: 'Hà', language_code: languageCode },
    ...fields,
  },
});
const staffCommand = (chatId: number, token: string, languageCode?: string) =>
  message(chatId, { text: `/staff ${token}`, entities: [{ type: 'bot_command', offset: 0, length: 6 }] }, languageCode);
const video = (chatId: number, fileId: string, bytes: number, caption?: string) =>
  message(chatId, {
    video: {
      file_id: fileId,
      file_unique_id: `u${fileId}`,
      width: 1280,
      height: 720,
      duration: 2,
      mime_type: 'video/mp4',
      file_size: bytes,
      file_name: `${fileId}.mp4`,
    },
    caption,
  });

async function repliesTo(chatId: number, since: number, count = 1, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = telegram.calls.slice(since).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId);
    if (found.length >= count || Date.now() > deadline) return found.map((c) => String(c.params.text));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('staff clips over Telegram', () => {
  it('refuses a wrong token and removes the message that carried it', async () => {
    const since = telegram.calls.length;
    await post(staffCommand(STAFF_CHAT, 'lns_not-a-staff-token'));
    expect(await repliesTo(STAFF_CHAT, since)).toEqual([messages.t('vi', 'staff-link-refused')]);
    expect(telegram.calls.slice(since).some((c) => c.method === 'deleteMessage' && Number(c.params.chat_id) === STAFF_CHAT)).toBe(true);
    expect(await prisma.staffChat.count({ where: { chatId: String(STAFF_CHAT) } })).toBe(0);
  });

  it('links a chat with a staff token, deleting the token from the chat', async () => {
    const since = telegram.calls.length;
    await post(staffCommand(STAFF_CHAT, staff.token));
    const [reply] = await repliesTo(STAFF_CHAT, since);
    expect(reply).toContain('Thu Hà');
    expect(reply).not.toContain(staff.token);
    expect(telegram.calls.slice(since).some((c) => c.method === 'deleteMessage')).toBe(true);
    expect(await prisma.staffChat.findUnique({ where: { chatId: String(STAFF_CHAT) } })).toMatchObject({ staffId: staff.id, lang: 'vi' });
  });

  it('turns a video sent to a linked chat into a clip and says when it is ready', async () => {
    const data = readFileSync(await makeTestClip(join(work, 'chuong.mp4'), { seconds: 2, width: 854, height: 480 }));
    telegram.addFile('chuong', data);
    const since = telegram.calls.length;
    await post(video(STAFF_CHAT, 'chuong', data.length, 'Làng nón Chuông\nQuay sáng thứ Hai'));
    const replies = await repliesTo(STAFF_CHAT, since, 2, 60_000);
    expect(telegram.calls.slice(since).filter((c) => c.method === 'getFile')).toHaveLength(1);
    // "received" first, then "ready", never the other way round.
    expect(replies).toEqual([
      messages.t('vi', 'clip-received', { title: 'Làng nón Chuông' }),
      messages.t('vi', 'clip-ready', { title: 'Làng nón Chuông', renditions: '720p' }),
    ]);
    const clip = await prisma.clip.findFirstOrThrow({ where: { notifyChatId: String(STAFF_CHAT) } });
    expect(clip).toMatchObject({ title: 'Làng nón Chuông', state: 'ready', uploadedById: staff.id, sourceBytes: BigInt(data.length) });
  });

  it('reports the same video sent again as a duplicate', async () => {
    telegram.addFile('chuong-again', readFileSync(join(work, 'chuong.mp4')));
    const since = telegram.calls.length;
    const before = await prisma.clip.count();
    await post(video(STAFF_CHAT, 'chuong-again', readFileSync(join(work, 'chuong.mp4')).length));
    const [reply] = await repliesTo(STAFF_CHAT, since);
    expect(reply).toContain('Làng nón Chuông');
    expect(await prisma.clip.count()).toBe(before);
  });

  it('tells the sender why a file is not a video', async () => {
    const text = readFileSync(await makeTextFile(join(work, 'notes.mp4')));
    telegram.addFile('notes', text);
    const since = telegram.calls.length;
    const before = await prisma.clip.count();
    await post(video(STAFF_CHAT, 'notes', text.length));
    const [reply] = await repliesTo(STAFF_CHAT, since);
    expect(reply).toBe(messages.t('vi', 'clip-rejected', { code: 'unreadable' }));
    expect(await prisma.clip.count()).toBe(before);
  });

  it('answers a file over 20 MB with a one-time console upload link instead of downloading it', async () => {
    const since = telegram.calls.length;
    await post(video(STAFF_CHAT, 'huge', 300 * 1024 * 1024));
    const [reply] = await repliesTo(STAFF_CHAT, since);
    const ticket = /https:\/\/langnghe\.example\.vn\/console\/upload\?ticket=([\w-]+)/.exec(reply!)?.[1];
    expect(ticket).toBeDefined();
    expect(telegram.calls.slice(since).some((c) => c.method === 'getFile')).toBe(false);
    const redis = new Redis(config.REDIS_URL);
    expect(await redis.get(uploadTicketKey(config.QUEUE_PREFIX, ticket!))).toBe(staff.id);
    expect(await redis.ttl(uploadTicketKey(config.QUEUE_PREFIX, ticket!))).toBeGreaterThan(23 * 3600);
    redis.disconnect();
  });

  it('takes no video from a chat that is not linked to staff', async () => {
    telegram.addFile('stranger', readFileSync(join(work, 'chuong.mp4')));
    const since = telegram.calls.length;
    const before = await prisma.clip.count();
    await post(video(STRANGER_CHAT, 'stranger', 1000));
    await post(message(STRANGER_CHAT, { text: 'Bát Tràng ở đâu?' }));
    const replies = await repliesTo(STRANGER_CHAT, since);
    expect(replies[0]).toContain('Bát Tràng');
    expect(telegram.calls.slice(since).some((c) => c.method === 'getFile')).toBe(false);
    expect(await prisma.clip.count()).toBe(before);
  });
});
