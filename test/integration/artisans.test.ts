// Artisans' records end to end: staff API, proving identity on Telegram and Zalo, status scoped to the
// linked applicant, notifications of a stage change through the real BullMQ worker to both fake APIs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { createRepositories } from '../../src/data/repositories.js';
import { addStaffFor } from '../helpers/staff.js';
import { importArtisansCsv, CsvImportError } from '../../src/services/artisans/import-csv.js';
import { StageBook } from '../../src/services/artisans/stages.js';
import { zaloSignature } from '../../src/channels/zalo/signature.js';
import { loadHandbook } from '../../src/content/load.js';
import { Messages } from '../../src/i18n/messages.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../helpers/fake-zalo.js';
import { testConfig } from '../helpers/test-env.js';

const SECRET = 'artisan-webhook-secret';
const APP_ID = '2553928453557884079';
const OA_SECRET = 'oa-secret-for-tests';
const messages = new Messages('content/locales');
const handbook = loadHandbook('content');
const stages = StageBook.from(handbook);
let telegram: FakeTelegram;
let zalo: FakeZalo;
let app: RunningApp;
let prisma: PrismaClient;
let token: string;
let updateId = 1;
let msg = 1;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo({ access: 'zalo-access', refresh: 'zalo-refresh' });
  const config = testConfig({
    TELEGRAM_BOT_TOKEN: '123456:TEST-artisans',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_REPLY: 'false',
    ZALO_APP_ID: APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_ACCESS_TOKEN: 'zalo-access',
    ZALO_API_BASE: zalo.url,
  });
  prisma = createPrisma(config.DATABASE_URL);
  await prisma.zaloToken.deleteMany();
  app = await startApp(config, 'all');
  token = (await addStaffFor(prisma, 'Office clerk', { role: 'admin' })).token;
});
afterAll(async () => {
  await app?.close();
  await telegram?.close();
  await zalo?.close();
  await prisma?.$disconnect();
});

const api = async (method: string, path: string, body?: unknown, auth = true) => {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(auth ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
};
const phoneOf = (n: number) => `09${String(10_000_000 + n).padStart(8, '0')}`;
let serial = 0;
async function newApplicant(name: string) {
  const n = ++serial + Math.floor(Math.random() * 1_000_000);
  const phone = phoneOf(n);
  const applicant = await api('POST', '/api/applicants', { name, phone, village: 'bat-trang' });
  expect(applicant.status).toBe(201);
  const application = await api('POST', '/api/applications', {
    applicantId: applicant.body.id,
    kind: 'ocop',
    subject: `${name}'s tea set`,
    reference: `OCOP-${n}`,
  });
  expect(application.status).toBe(201);
  return { id: applicant.body.id as string, phone, applicationId: application.body.id as string, subject: `${name}'s tea set` };
}

// Telegram
const tgPost = (update: unknown) =>
  fetch(`${app.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
const tgUser = (chat: number) => ({ id: chat, is_bot: false, first_name: 'Nghệ nhân', language_code: 'vi' });
const tgMessage = (chat: number, fields: Record<string, unknown>) => ({
  update_id: updateId++,
  message: { message_id: updateId, date: 1, chat: { id: chat, type: 'private' }, from: tgUser(chat), ...fields },
});
async function tgSay(chat: number, fields: Record<string, unknown>) {
  const before = telegram.calls.length;
  expect((await tgPost(tgMessage(chat, fields))).status).toBe(200);
  const sent = telegram.calls.slice(before).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chat);
  return sent.map((c) => c.params.text as string).join('\n');
}
const tgText = (chat: number, text: string) =>
  tgSay(chat, { text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}) });

// Zalo
async function zaloSay(user: string, text: string) {
  const raw = JSON.stringify({
    app_id: APP_ID,
    event_name: 'user_send_text',
    sender: { id: user },
    recipient: { id: 'oa' },
    message: { text, msg_id: `zm-${msg++}` },
    timestamp: String(Date.now()),
  });
  const before = zalo.sends.length;
  const response = await fetch(`${app.url}/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloSignature(APP_ID, raw, JSON.parse(raw).timestamp, OA_SECRET)}` },
    body: raw,
  });
  expect(response.status).toBe(200);
  await app.settled();
  return zalo.sends
    .slice(before)
    .filter((s) => s.body.recipient.user_id === user)
    .map((s) => s.body.message.text as string)
    .join('\n');
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}

describe('staff API', () => {
  it('keeps applicants, applications and their timeline, with an audit log; staff only', async () => {
    expect((await api('POST', '/api/applicants', { name: 'X', phone: '0912345678' }, false)).status).toBe(401);
    expect((await api('POST', '/api/applicants', { name: 'X', phone: '12' })).body.message).toMatch(/phone/);
    const a = await newApplicant('Hà');
    expect((await api('POST', `/api/applications/${a.applicationId}/events`, { stage: 'no_such_stage' })).status).toBe(400);
    const changed = await api('POST', `/api/applications/${a.applicationId}/events`, { stage: 'city_assessment', note: 'Hồ sơ đủ' });
    expect(changed.status).toBe(201);
    expect(changed.body.application.stage).toBe('city_assessment');
    const applicant = await api('GET', `/api/applicants/${a.id}`);
    expect(applicant.body.applications[0].timeline.map((e: { stage: string }) => e.stage)).toEqual([stages.first('ocop'), 'city_assessment']);
    expect(await prisma.auditLog.count({ where: { entityId: a.applicationId } })).toBe(2);
  });
});

describe('proving who you are', () => {
  it("refuses someone else's shared contact, accepts one's own", async () => {
    const a = await newApplicant('Lan');
    const chat = 880001;
    const other = await tgSay(chat, { contact: { phone_number: a.phone, first_name: 'Lan', user_id: 999 } });
    expect(other).toBe(messages.t('vi', 'artisan-contact-not-own'));
    const forwarded = await tgSay(chat, { contact: { phone_number: a.phone, first_name: 'Lan' } });
    expect(forwarded).toBe(messages.t('vi', 'artisan-contact-not-own'));
    expect(await prisma.chatLink.count({ where: { chatId: String(chat) } })).toBe(0);
    const own = await tgSay(chat, { contact: { phone_number: a.phone.replace(/^0/, '+84 '), first_name: 'Lan', user_id: chat } });
    expect(own).toContain(messages.t('vi', 'artisan-linked', { name: 'Lan' }));
    expect(own).toContain(a.subject);
  });

  it('refuses a wrong, used or expired code, and locks the sixth wrong try in an hour', async () => {
    const a = await newApplicant('Minh');
    const { body: issued } = await api('POST', `/api/applicants/${a.id}/link-codes`);
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const chat = 880002;
    expect(await tgText(chat, '/link AAAA-AAAA')).toBe(messages.t('vi', 'artisan-link-refused'));
    expect(await tgText(chat, `/link ${issued.code}`)).toContain(messages.t('vi', 'artisan-linked', { name: 'Minh' }));
    expect(await tgText(880003, `/link ${issued.code}`)).toBe(messages.t('vi', 'artisan-link-refused')); // used
    const { body: expiring } = await api('POST', `/api/applicants/${a.id}/link-codes`);
    await prisma.linkCode.updateMany({ where: { usedAt: null, applicantId: a.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await tgText(880004, `/link ${expiring.code}`)).toBe(messages.t('vi', 'artisan-link-refused'));
    const { body: good } = await api('POST', `/api/applicants/${a.id}/link-codes`);
    const guesser = 880005;
    for (let i = 0; i < 5; i++) expect(await tgText(guesser, `/link WRNG-${String(i).padStart(4, 'X')}`)).toBe(messages.t('vi', 'artisan-link-refused'));
    expect(await tgText(guesser, `/link ${good.code}`)).toBe(messages.t('vi', 'artisan-link-locked'));
    expect(await prisma.chatLink.count({ where: { chatId: String(guesser) } })).toBe(0);
  });

  it('an unlinked chat learns nothing, not even whether a phone number exists', async () => {
    const a = await newApplicant('Bình');
    const howTo = messages.t('vi', 'artisan-how-to-link', { contact: 'yes' });
    const chat = 880006;
    expect(await tgText(chat, 'hồ sơ của tôi đến đâu rồi')).toBe(howTo);
    expect(await tgText(chat, '/status')).toBe(howTo);
    const probe = await tgText(chat, `trạng thái OCOP ${a.phone}`);
    expect(probe).toBe(howTo);
    const stranger = await tgText(chat, `trạng thái OCOP 0999999999`);
    expect(stranger).toBe(probe);
    const asked = await tgText(chat, a.phone);
    expect(asked).not.toContain('Bình');
    expect(asked).not.toContain(a.subject);
  });

  it("a second account cannot read the first's record", async () => {
    const first = await newApplicant('Thu');
    const second = await newApplicant('Tâm');
    await prisma.chatLink.createMany({
      data: [
        { applicantId: first.id, channel: 'telegram', chatId: '880007' },
        { applicantId: second.id, channel: 'telegram', chatId: '880008' },
      ],
    });
    const mine = await tgText(880008, 'my recognition status');
    expect(mine).toContain(second.subject);
    expect(mine).not.toContain(first.subject);
  });

  it('/unlink and "forget me" remove the link', async () => {
    const a = await newApplicant('Quang');
    await prisma.chatLink.create({ data: { applicantId: a.id, channel: 'telegram', chatId: '880009' } });
    expect(await tgText(880009, '/unlink')).toBe(messages.t('vi', 'artisan-unlinked'));
    await prisma.chatLink.create({ data: { applicantId: a.id, channel: 'zalo', chatId: 'zalo-forget' } });
    expect(await zaloSay('zalo-forget', 'quên tôi')).toBe(messages.t('vi', 'artisan-unlinked'));
    expect(await prisma.chatLink.count({ where: { applicantId: a.id } })).toBe(0);
  });
});

describe('notifications of a stage change', () => {
  it('reach a Telegram chat and a Zalo user linked to the applicant, once each', async () => {
    const a = await newApplicant('Hùng');
    const { body: code1 } = await api('POST', `/api/applicants/${a.id}/link-codes`);
    const { body: code2 } = await api('POST', `/api/applicants/${a.id}/link-codes`);
    await tgText(880010, `/link ${code1.code}`);
    expect(await zaloSay('zalo-hung', `/link ${code2.code}`)).toContain('Hùng');
    const tgBefore = telegram.calls.length;
    const zaloBefore = zalo.sends.length;
    const change = await api('POST', `/api/applications/${a.applicationId}/events`, { stage: 'city_assessment', note: 'Đã chấm điểm' });
    expect(change.status).toBe(201);
    const label = stages.label('ocop', 'city_assessment', 'vi');
    const tg = await waitFor(() => telegram.calls.slice(tgBefore).find((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === 880010));
    expect(tg.params.text).toContain(label);
    const zl = await waitFor(() => zalo.sends.slice(zaloBefore).find((s) => s.body.recipient.user_id === 'zalo-hung'));
    expect(zl.body.message.text).toContain(label);
    expect(zl.body.message.quote_message_id).toBeTruthy();
    await waitFor(async () => (await prisma.notification.count({ where: { eventId: change.body.id, status: 'sent' } })) === 2 || undefined);
    await new Promise((r) => setTimeout(r, 500));
    expect(telegram.calls.slice(tgBefore).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === 880010)).toHaveLength(1);
    expect(zalo.sends.slice(zaloBefore).filter((s) => s.body.recipient.user_id === 'zalo-hung')).toHaveLength(1);
  });

  it('holds a Zalo notification outside the reply window and delivers it when the user writes', async () => {
    const a = await newApplicant('Mai');
    await prisma.chatLink.create({ data: { applicantId: a.id, channel: 'zalo', chatId: 'zalo-mai' } });
    const change = await api('POST', `/api/applications/${a.applicationId}/events`, { stage: 'city_assessment' });
    await waitFor(async () => (await prisma.notification.findFirst({ where: { eventId: change.body.id, status: 'held' } })) ?? undefined);
    const application = await api('GET', `/api/applications/${a.applicationId}`);
    expect(application.body.timeline.at(-1).notifications[0].status).toBe('held');
    const answer = await zaloSay('zalo-mai', 'xin chào');
    expect(answer).toContain(stages.label('ocop', 'city_assessment', 'vi'));
    expect((await prisma.notification.findFirstOrThrow({ where: { eventId: change.body.id } })).status).toBe('sent');
  });
});

describe('npm run artisans:import', () => {
  const header = 'name,applicant_kind,phone,village,kind,subject,reference,submitted,stage,next_step,missing,office';
  it('changes nothing and names the line when one line is bad', async () => {
    const before = await prisma.application.count();
    const csv = [
      header,
      'Nguyễn Văn A,person,0912 000 001,bat-trang,ocop,Bình gốm,R1,2025-01-10,,,,',
      'Trần B,person,12345,bat-trang,ocop,Lọ hoa,R2,,,,,',
      'Lê C,person,0912000003,nowhere,ocop,Bát,R3,,,,,',
    ].join('\n');
    const error = await importArtisansCsv({ artisans: createRepositories(prisma).artisans, stages }, { actor: { id: 't', name: 'test' }, csv }).catch((e) => e);
    expect(error).toBeInstanceOf(CsvImportError);
    expect(error.problems).toEqual([expect.stringMatching(/^line 3: phone "12345"/), expect.stringMatching(/^line 4: village "nowhere"/)]);
    expect(await prisma.application.count()).toBe(before);
  });

  it('imports every line of a good file, one applicant per phone', async () => {
    const csv = [
      header,
      'Phạm D,person,0912 000 104,van-phuc,ocop,Khăn lụa,R4,2025-02-01,,,,',
      'Phạm D,person,0912000104,van-phuc,artisan_title,Nghệ nhân Hà Nội,R5,,,,,Sở Công Thương',
    ].join('\n');
    expect(await importArtisansCsv({ artisans: createRepositories(prisma).artisans, stages }, { actor: { id: 't', name: 'test' }, csv })).toEqual({
      applicants: 1,
      applications: 2,
    });
  });
});

describe('rules questions', () => {
  it('answers from the guides', async () => {
    const response = await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'cần gì để được công nhận làng nghề truyền thống?' }),
    });
    const answer = await response.json();
    expect(answer.intent).toBe('recognition');
    const guide = handbook.guides.find((g) => g.answer.vi === answer.text);
    expect(guide).toBeTruthy();
  });
});
