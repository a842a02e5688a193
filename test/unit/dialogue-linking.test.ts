// An artisan's own recognition status: an unlinked chat is told how to link; a code it was asked for
// links it; "forget me" unlinks it. The records are an in-memory desk behind the dialogue's own interface.
import { describe, expect, it } from 'vitest';
import type { Client, DialogueArtisans } from '../../src/conversation/dialogue.js';
import { buildDialogue, messages, openChat, rowLabels } from './dialogue-kit.js';

const en = (id: string, args?: Record<string, string | number>) => messages.t('en', id, args);
type ChatIdentity = NonNullable<Client['identity']>;
const me: ChatIdentity = { channel: 'telegram', chatId: '42' };

/** One applicant, Hà, with code ABCD-EFGH and phone 0912345678. */
function memoryDesk() {
  const links = new Set<string>();
  const key = (who: ChatIdentity) => `${who.channel}:${who.chatId}`;
  const calls: string[] = [];
  const desk: DialogueArtisans = {
    async linkByCode(who, code) {
      calls.push(`code ${code}`);
      if (code.replace('-', '').toUpperCase() !== 'ABCDEFGH') return { ok: false, reason: 'refused' };
      links.add(key(who));
      return { ok: true, name: 'Hà' };
    },
    async linkByPhone(who, phone, own) {
      if (!own) return { ok: false, reason: 'not_own' };
      if (phone !== '0912345678') return { ok: false, reason: 'refused' };
      links.add(key(who));
      return { ok: true, name: 'Hà' };
    },
    unlink: async (who) => links.delete(key(who)),
    statusText: async (who, lang) => (links.has(key(who)) ? messages.t(lang, 'artisan-no-applications') : undefined),
  };
  return { desk, calls };
}

describe('recognition status', () => {
  it("tells an unlinked chat how to link, from the menu's button", async () => {
    const chat = openChat(buildDialogue(), { identity: me });
    const [menu] = await chat.command('menu');
    const [reply] = await chat.press(menu, en('menu-status'));
    expect(reply!.text).toBe(en('artisan-how-to-link', { contact: 'no' }));
    expect(rowLabels(reply)).toEqual([[en('menu-main')]]);
    expect(chat.state.awaitingCode).toBe(true);
  });

  it('asks for the phone number where the channel can share it', async () => {
    const [reply] = await openChat(buildDialogue(), { identity: me, canShareContact: true }).command('status');
    expect(reply).toEqual({ text: en('artisan-how-to-link', { contact: 'yes' }), requestContact: true, buttons: undefined });
  });

  it('hears "my recognition status" when there are records, and links by the code typed next', async () => {
    const { desk } = memoryDesk();
    const chat = openChat(buildDialogue({ artisans: desk }), { identity: me });
    const [howTo] = await chat.text('my recognition status');
    expect(howTo!.text).toBe(en('artisan-how-to-link', { contact: 'no' }));

    const [linked] = await chat.text('abcd-efgh');
    expect(linked!.text).toBe(`${en('artisan-linked', { name: 'Hà' })}\n\n${en('artisan-no-applications')}`);
    expect(chat.state.awaitingCode).toBe(false);

    const [status] = await chat.text('my recognition status');
    expect(status!.text).toBe(en('artisan-no-applications'));
  });

  it('takes a code-like text as a question unless a code was asked for', async () => {
    const { desk, calls } = memoryDesk();
    const chat = openChat(buildDialogue({ artisans: desk }), { identity: me });
    await chat.text('abcd-efgh');
    expect(calls).toEqual([]);
    expect(chat.state.awaitingCode).toBeUndefined();
  });

  it('links with /link and its code, as a command or as text, and refuses a wrong one', async () => {
    const { desk } = memoryDesk();
    const chat = openChat(buildDialogue({ artisans: desk }), { identity: me });
    const [wrong] = await chat.command('link', 'WXYZ-0000');
    expect(wrong!.text).toBe(en('artisan-link-refused'));
    const [linked] = await chat.text('/link@langnghe_bot ABCD-EFGH');
    expect(linked!.text.startsWith(en('artisan-linked', { name: 'Hà' }))).toBe(true);
  });

  it("accepts only the sender's own shared phone number", async () => {
    const { desk } = memoryDesk();
    const chat = openChat(buildDialogue({ artisans: desk }), { identity: me, canShareContact: true });
    expect((await chat.send({ type: 'contact', phone: '0912345678', own: false }))[0]!.text).toBe(en('artisan-contact-not-own'));
    expect((await chat.send({ type: 'contact', phone: '0912345678', own: true }))[0]!.text.startsWith(en('artisan-linked', { name: 'Hà' }))).toBe(true);
  });

  it('forgets the chat when asked, and says when there was nothing to forget', async () => {
    const { desk } = memoryDesk();
    const chat = openChat(buildDialogue({ artisans: desk }), { identity: me });
    await chat.command('link', 'ABCD-EFGH');
    expect((await chat.text('Hãy quên tôi'))[0]!.text).toBe(en('artisan-unlinked'));
    expect((await chat.command('unlink'))[0]!.text).toBe(en('artisan-not-linked'));
  });

  it('refuses to link a chat without records or without a known sender (a group)', async () => {
    expect((await openChat(buildDialogue(), { identity: me }).command('link', 'ABCD-EFGH'))[0]!.text).toBe(en('artisan-link-refused'));
    const { desk, calls } = memoryDesk();
    expect((await openChat(buildDialogue({ artisans: desk })).command('link', 'ABCD-EFGH'))[0]!.text).toBe(en('artisan-link-refused'));
    expect(calls).toEqual([]);
  });
});
