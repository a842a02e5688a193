// A village's latest vlog in the dialogue: its card and an answer about it name the vlog with its link and
// carry the poster; a village without one reads as before; follow-ups and later parts do not repeat it.
import { describe, expect, it } from 'vitest';
import type { VillageVlog } from '../../src/conversation/dialogue.js';
import { buildDialogue, messages, openChat } from './dialogue-kit.js';

const en = (id: string, args?: Record<string, string | number>) => messages.t('en', id, args);
const vi = (id: string, args?: Record<string, string | number>) => messages.t('vi', id, args);

const vlog: VillageVlog = {
  title: 'Lò gốm thắp đêm',
  slug: 'lo-gom-thap-dem-1a2b3c4d',
  pageUrl: 'https://langnghe.example/vlogs/lo-gom-thap-dem-1a2b3c4d',
  posterUrl: '/media/clips/0e0c1f52-9a3e-4a57-a4a9-6a3b4c5d6e7f/poster.jpg',
};

/** A dialogue whose villages have these vlogs, and the villages it was asked about. */
function withVlogs(vlogs: Record<string, VillageVlog>, textLimit = 4096) {
  const asked: string[] = [];
  const dialogue = buildDialogue({
    textLimit,
    latestVlog: async (id) => {
      asked.push(id);
      return vlogs[id];
    },
  });
  return { dialogue, asked };
}

const open = (id: string) => ({ type: 'action' as const, data: `v:${id}` });

describe("a village's card", () => {
  it('names the latest vlog with its link under the address, and carries its poster leading to its page', async () => {
    const { dialogue, asked } = withVlogs({ 'tay-tuu': vlog });
    const [card] = await openChat(dialogue, { languageCode: 'en' }).send(open('tay-tuu'));
    const lines = card!.text.split('\n');
    const named = lines.indexOf(`🎬 Latest vlog: ${vlog.title}`);
    expect(named).toBeGreaterThan(0);
    expect(lines[named - 1]).toMatch(/^Address: /);
    expect(lines[named + 1]).toBe(vlog.pageUrl);
    expect(card!.photo).toEqual({ url: vlog.posterUrl, alt: en('vlog-card-poster', { title: vlog.title }), link: `/vlogs/${vlog.slug}` });
    expect(asked).toEqual(['tay-tuu']);

    const [inVietnamese] = await openChat(dialogue, { languageCode: 'vi' }).send(open('tay-tuu'));
    expect(inVietnamese!.text).toContain(vi('vlog-card-latest', { title: vlog.title, link: vlog.pageUrl }));
    expect(inVietnamese!.photo!.alt).toBe(`Ảnh bìa vlog “${vlog.title}”`);
  });

  it('reads exactly as before for a village without a vlog, and without a way to know vlogs', async () => {
    const { dialogue } = withVlogs({ 'tay-tuu': vlog });
    const [withoutVlog] = await openChat(dialogue).send(open('tran-phu'));
    const [unknowing] = await openChat(buildDialogue()).send(open('tran-phu'));
    expect(withoutVlog).toEqual(unknowing);
    expect(withoutVlog!.photo).toBeUndefined();
    expect(withoutVlog!.text).not.toContain('🎬');
  });

  it('names a vlog that has no poster, with no picture', async () => {
    const { dialogue } = withVlogs({ 'trung-ha': { ...vlog, posterUrl: undefined } });
    const [card] = await openChat(dialogue).send(open('trung-ha'));
    expect(card!.text).toContain(en('vlog-card-latest', { title: vlog.title, link: vlog.pageUrl }));
    expect(card!.photo).toBeUndefined();
  });

  it('keeps the vlog and the poster in the first part of a long card; "more" carries neither', async () => {
    const { dialogue } = withVlogs({ 'bat-trang': vlog }, 600);
    const chat = openChat(dialogue);
    const [first] = await chat.send(open('bat-trang'));
    expect(first!.text).toContain(vlog.pageUrl);
    expect(first!.photo?.url).toBe(vlog.posterUrl);
    const [second] = await chat.press(first, en('menu-more'));
    expect(second).toMatchObject({ edit: true });
    expect(second!.text).not.toContain(vlog.pageUrl);
    expect(second!.photo).toBeUndefined();
  });

  it('shares the vlog in inline cards too', async () => {
    const { dialogue } = withVlogs({ 'tay-tuu': vlog });
    const cards = await dialogue.inline('Tây Tựu', 'en');
    expect(cards[0]).toMatchObject({ id: 'v:tay-tuu' });
    expect(cards[0]!.text).toContain(en('vlog-card-latest', { title: vlog.title, link: vlog.pageUrl }));
  });

  it('still shows the card when the vlog cannot be looked up', async () => {
    const dialogue = buildDialogue({ latestVlog: () => Promise.reject(new Error('database away')) });
    const [card] = await openChat(dialogue).send(open('tay-tuu'));
    const [unknowing] = await openChat(buildDialogue()).send(open('tay-tuu'));
    expect(card).toEqual(unknowing);
  });
});

describe('an answer about a village', () => {
  it('names its vlog with the poster when the chat turns to the village, not in its follow-ups', async () => {
    const { dialogue } = withVlogs({ 'uoc-le': vlog });
    const chat = openChat(dialogue, { languageCode: 'en' });
    const [answer] = await chat.text('Ước Lễ');
    expect(answer!.text.endsWith(en('vlog-card-latest', { title: vlog.title, link: vlog.pageUrl }))).toBe(true);
    expect(answer!.photo?.url).toBe(vlog.posterUrl);

    const followUps = await chat.text('how do I get there?');
    expect(followUps.map((r) => r.text).join('\n')).not.toContain(vlog.title);
    expect(followUps.some((r) => r.photo)).toBe(false);
  });

  it('names none for a village without a vlog', async () => {
    const { dialogue, asked } = withVlogs({ 'uoc-le': vlog });
    const [answer] = await openChat(dialogue).text('Trần Phú');
    expect(asked).toEqual(['tran-phu']);
    expect(answer!.text).not.toContain('🎬');
    expect(answer!.photo).toBeUndefined();
  });
});
