// Renders the dialogue's replies as the web chat's JSON (POST /api/chat): text, rows of buttons (an action to
// send back, a link to open, or "ask the browser for its location"), and cards (list entries, a photo, a place
// on a map). Paths on our server become absolute URLs, for pages on other sites that embed the chat.
import { encodeAction } from '../../conversation/actions.js';
import type { Button, Reply } from '../../conversation/types.js';
import type { Lang, Messages } from '../../i18n/messages.js';

export type WebButton = { label: string; action: string } | { label: string; url: string } | { label: string; request: 'location' };

export interface WebCard {
  title: string;
  /** A second line (a place's address). */
  text?: string;
  /** Pressing the card sends this action back. */
  action?: string;
  /** Pressing the card opens this link. */
  url?: string;
  image?: { url: string; alt: string };
}

export interface WebReply {
  text: string;
  buttons?: WebButton[][];
  cards?: WebCard[];
  /** Replaces the message whose button was pressed (paging a list) instead of adding one. */
  edit?: true;
}

// The web knows no one: there is no record to show, so no button offers one.
const STATUS_ACTION = encodeAction({ kind: 'status' });

const mapUrl = (lat: number, lon: number) => `https://www.google.com/maps/search/?api=1&query=${lat},${lon}`;

export function renderWebReplies(replies: Reply[], options: { messages: Messages; lang: Lang; baseUrl: string }): WebReply[] {
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? `${options.baseUrl}${url}` : url);
  const webButton = (b: Button): WebButton => ('url' in b ? { label: b.label, url: absolute(b.url) } : { label: b.label, action: b.action });
  const card = (b: Button): WebCard => ('url' in b ? { title: b.label, url: absolute(b.url) } : { title: b.label, action: b.action });

  return replies.map((reply) => {
    const rows = (reply.buttons ?? [])
      .map((row) => row.filter((b) => !('action' in b) || b.action !== STATUS_ACTION).map(webButton))
      .filter((row) => row.length);
    if (reply.requestLocation) rows.unshift([{ label: options.messages.t(options.lang, 'chat-share-location'), request: 'location' }]);
    const cards: WebCard[] = [];
    if (reply.photo) {
      const { url, alt, link } = reply.photo;
      cards.push({ title: alt, image: { url: absolute(url), alt }, ...(link ? { url: absolute(link) } : {}) });
    }
    if (reply.venue) cards.push({ title: reply.venue.title, text: reply.venue.address || undefined, url: mapUrl(reply.venue.lat, reply.venue.lon) });
    cards.push(...(reply.items ?? []).map(card));
    const out: WebReply = { text: [reply.notice, reply.text].filter(Boolean).join('\n\n') };
    if (rows.length) out.buttons = rows;
    if (cards.length) out.cards = cards;
    if (reply.edit) out.edit = true;
    return out;
  });
}
