// The chat's language and Zalo's vlog subscription by the chat's own words.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/messages.js';
import { buildDialogue, messages, openChat, rowLabels } from './dialogue-kit.js';

const en = (id: string) => messages.t('en', id);
const vi = (id: string) => messages.t('vi', id);

describe('language', () => {
  it('offers both languages on /language', async () => {
    const [reply] = await openChat().command('language');
    expect(reply!.text).toBe(en('chat-choose-language'));
    expect(rowLabels(reply)).toEqual([[vi('lang-vi'), en('lang-en')]]);
  });

  it("answers in the language chosen from then on, whatever the client's", async () => {
    const chat = openChat(buildDialogue(), { languageCode: 'en' });
    const [choose] = await chat.command('language');
    const [set] = await chat.press(choose, vi('lang-vi'));
    expect(set!.text).toBe(`${vi('chat-language-set')}\n\n${vi('chat-menu')}`);
    expect(rowLabels(set)[0]).toEqual([vi('menu-villages'), vi('menu-routes')]);
    expect(chat.state.lang).toBe('vi');

    const [menu] = await chat.command('menu');
    expect(menu!.text).toBe(vi('chat-menu'));
    const [help] = await chat.command('help');
    expect(help!.text).toBe(vi('ask-help'));
  });
});

describe('vlogs by message (Zalo)', () => {
  function memoryVlogs() {
    const subscribers = new Map<string, Lang>();
    return {
      subscribers,
      subscribe: async (chatId: string, lang: Lang) => !subscribers.has(chatId) && Boolean(subscribers.set(chatId, lang)),
      unsubscribe: async (chatId: string) => subscribers.delete(chatId),
    };
  }
  const zalo = { languageCode: 'vi', identity: { channel: 'zalo' as const, chatId: 'u1' } };

  it('subscribes on "đăng ký vlog" and stops on "hủy đăng ký"', async () => {
    const vlogs = memoryVlogs();
    const chat = openChat(buildDialogue({ vlogs }), zalo);
    expect((await chat.text('Đăng ký vlog'))[0]).toEqual({ text: vi('vlog-subscribed'), buttons: [[{ label: vi('menu-main'), action: 'menu' }]] });
    expect(vlogs.subscribers.get('u1')).toBe('vi');
    expect((await chat.text('đăng ký'))[0]!.text).toBe(vi('vlog-already-subscribed'));
    expect((await chat.text('Hủy đăng ký'))[0]!.text).toBe(vi('vlog-unsubscribed'));
    expect((await chat.text('hủy đăng ký vlog'))[0]!.text).toBe(vi('vlog-not-subscribed'));
  });

  it('takes the words as a question where the channel sends no vlogs', async () => {
    const [reply] = await openChat(buildDialogue(), zalo).text('đăng ký vlog');
    expect(reply!.text).not.toBe(vi('vlog-subscribed'));
    expect(reply!.text).not.toBe(vi('vlog-already-subscribed'));
  });
});
