// Free questions in the dialogue: answered by the Q&A engine in the question's language, with the
// villages it names as buttons, and follow-ups about the village the chat last talked about.
import { describe, expect, it } from 'vitest';
import { buildDialogue, knowledge, labelsOf, messages, openChat } from './dialogue-kit.js';

const en = (id: string, args?: Record<string, string | number>) => messages.t('en', id, args);

describe('free questions', () => {
  it("answers in the question's language, the village it names as a button", async () => {
    const chat = openChat();
    const [answer, ...rest] = await chat.text('Bát Tràng ở đâu?');
    expect(rest).toEqual([]);
    expect(answer!.text).toContain(knowledge.villages.get('bat-trang')!.summary.vi);
    expect(answer!.items).toEqual([{ label: 'Bát Tràng', action: 'v:bat-trang' }]);
    expect(labelsOf(answer).at(-1)).toBe(en('menu-main'));
    expect(chat.state.lastVillageId).toBe('bat-trang');
  });

  it('answers a follow-up about the village whose card was open', async () => {
    const chat = openChat();
    await chat.send({ type: 'action', data: 'v:kieu-ky' });
    const [answer] = await chat.text('how do I get there?');
    expect(answer!.items).toEqual([{ label: expect.any(String), action: 'v:kieu-ky' }]);

    const [unknown] = await openChat().text('how do I get there?');
    expect(unknown!.items).toEqual([]);
  });

  it("offers the remembered village's products after a question about products", async () => {
    const chat = openChat(buildDialogue(), {}, { lastVillageId: 'bat-trang' });
    const [answer] = await chat.text('Bat Trang products');
    expect(answer!.buttons).toEqual([[{ label: en('card-products'), action: 'vp:bat-trang:0' }], [{ label: en('menu-main'), action: 'menu' }]]);
  });

  it('sends a long answer in parts, the buttons with the last', async () => {
    const chat = openChat(buildDialogue({ textLimit: 120 }));
    const replies = await chat.text('Bat Trang products');
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) expect(reply.text.length).toBeLessThanOrEqual(120);
    expect(replies.slice(0, -1).every((r) => r.buttons === undefined && r.items === undefined)).toBe(true);
    expect(labelsOf(replies.at(-1)).at(-1)).toBe(en('menu-main'));
  });

  it('answers another language in English and says why, when nothing translates', async () => {
    const [answer] = await openChat().text('Où se trouve le village de Bat Trang ?');
    expect(answer!.text.endsWith(en('ask-translation-off'))).toBe(true);
  });
});
