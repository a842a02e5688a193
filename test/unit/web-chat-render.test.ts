// The web chat's renderer: the dialogue's replies as POST /api/chat's JSON — list entries and a photo or a place
// as cards, "share location" as a button the browser answers, our paths made absolute for other sites' pages.
import { describe, expect, it } from 'vitest';
import { Messages } from '../../src/i18n/messages.js';
import { renderWebReplies } from '../../src/channels/web/render.js';

const messages = new Messages('content/locales');
const render = (replies: Parameters<typeof renderWebReplies>[0], lang: 'vi' | 'en' = 'en') =>
  renderWebReplies(replies, { messages, lang, baseUrl: 'https://langnghe.example' });

describe('renderWebReplies', () => {
  it('keeps text and rows of buttons, and says when a reply pages in place', () => {
    const [reply] = render([
      {
        text: 'Villages',
        items: [{ label: 'Vạn Phúc', action: 'v:van-phuc' }],
        buttons: [[{ label: '▶', action: 'vl:all:1' }], [{ label: 'Map', url: 'https://maps.example/x' }]],
        edit: true,
      },
    ]);
    expect(reply).toEqual({
      text: 'Villages',
      cards: [{ title: 'Vạn Phúc', action: 'v:van-phuc' }],
      buttons: [[{ label: '▶', action: 'vl:all:1' }], [{ label: 'Map', url: 'https://maps.example/x' }]],
      edit: true,
    });
  });

  it('shows a photo as a card with its picture and the page it leads to, as absolute URLs', () => {
    const [reply] = render([{ text: 'Bát Tràng', photo: { url: '/media/clips/1/poster.jpg', alt: 'Lò gốm đêm', link: '/vlogs/lo-gom-dem' } }]);
    expect(reply!.cards).toEqual([
      {
        title: 'Lò gốm đêm',
        image: { url: 'https://langnghe.example/media/clips/1/poster.jpg', alt: 'Lò gốm đêm' },
        url: 'https://langnghe.example/vlogs/lo-gom-dem',
      },
    ]);
  });

  it('shows a place as a card with its address and a map link', () => {
    const [reply] = render([{ text: '', venue: { lat: 21.0, lon: 105.9, title: 'Bát Tràng', address: 'Gia Lâm' } }]);
    expect(reply).toEqual({
      text: '',
      cards: [{ title: 'Bát Tràng', text: 'Gia Lâm', url: 'https://www.google.com/maps/search/?api=1&query=21,105.9' }],
    });
  });

  it('asks for the location with a button the browser answers, in the chat language', () => {
    const [reply] = render([{ text: 'Tap below', requestLocation: true }], 'vi');
    expect(reply!.buttons).toEqual([[{ label: '📍 Gửi vị trí của tôi', request: 'location' }]]);
  });

  it('offers no recognition status (the web knows no one) and puts a notice before the text', () => {
    const [reply] = render([
      {
        text: 'Menu',
        notice: 'Out of date.',
        buttons: [
          [
            { label: 'Villages', action: 'cl:0' },
            { label: 'Near me', action: 'nearby' },
          ],
          [
            { label: 'Status', action: 'status' },
            { label: 'Help', action: 'help' },
          ],
          [{ label: 'Status', action: 'status' }],
        ],
      },
    ]);
    expect(reply).toEqual({
      text: 'Out of date.\n\nMenu',
      buttons: [
        [
          { label: 'Villages', action: 'cl:0' },
          { label: 'Near me', action: 'nearby' },
        ],
        [{ label: 'Help', action: 'help' }],
      ],
    });
  });
});
