// Renders the dialogue's replies on a Zalo Official Account: text in parts of at most 2,000 characters
// (cut at sentences), list entries as a list template, other buttons as a buttons template (at most 5;
// oa.query.show sends "#<action>" back as the user's message, oa.open.url opens a link). A reply's picture
// (a vlog's poster) goes first, as a list template's image, which Zalo fetches from PUBLIC_URL.
import type { Button, Reply } from '../../conversation/types.js';
import { splitText } from '../../conversation/fit-text.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { ZaloButton, ZaloClient, ZaloListElement } from './client.js';

export const ZALO_TEXT_LIMIT = 2000;
const MAX_BUTTONS = 5;
const MAX_LIST = 5;

export const actionPayload = (action: string) => `#${action}`;

const zaloButton = (b: Button): ZaloButton =>
  'url' in b ? { title: b.label, type: 'oa.open.url', payload: { url: b.url } } : { title: b.label, type: 'oa.query.show', payload: actionPayload(b.action) };

/** The picture as a list template's one element: its image, and a tap opens the page it leads to. Zalo
 *  fetches the image itself, so it needs our public address; without one there is no picture (the reply's
 *  text still names it). */
function pictureElement(photo: NonNullable<Reply['photo']>, publicUrl: string | undefined, messages: Messages, lang: Lang): ZaloListElement | undefined {
  if (!publicUrl) return undefined;
  const absolute = (path: string) => `${publicUrl.replace(/\/$/, '')}${path}`;
  return {
    title: photo.alt,
    subtitle: photo.link ? messages.t(lang, 'vlog-watch') : undefined,
    image_url: absolute(photo.url),
    default_action: { type: 'oa.open.url', url: absolute(photo.link ?? photo.url) },
  };
}

/** The messages to send for the replies, in order; each becomes one call to the OA API. */
export function planOaMessages(
  replies: Reply[],
  messages: Messages,
  lang: Lang,
  options: { publicUrl?: string } = {},
): Array<(client: ZaloClient, userId: string, quote?: string) => Promise<string>> {
  const plan: Array<(client: ZaloClient, userId: string, quote?: string) => Promise<string>> = [];
  for (const reply of replies) {
    const picture = reply.photo && pictureElement(reply.photo, options.publicUrl, messages, lang);
    if (picture) plan.push((client, user, quote) => client.sendList(user, [picture], quote));
    let text = reply.text;
    const controls: Button[] = (reply.buttons ?? []).flat();
    if (reply.venue) {
      const map = `https://www.google.com/maps/search/?api=1&query=${reply.venue.lat},${reply.venue.lon}`;
      text = [`📍 ${reply.venue.title}`, reply.venue.address, text].filter(Boolean).join('\n');
      controls.unshift({ label: '🗺', url: map });
    }
    if (reply.requestLocation) text = `${text}\n${messages.t(lang, 'zalo-share-location')}`;
    if (reply.notice) text = `${reply.notice}\n\n${text}`;
    const parts = splitText(text, ZALO_TEXT_LIMIT);
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && controls.length && !reply.items?.length) {
        plan.push((client, user, quote) => client.sendButtons(user, part, controls.slice(0, MAX_BUTTONS).map(zaloButton), quote));
      } else {
        plan.push((client, user, quote) => client.sendText(user, part, quote));
      }
    });
    if (reply.items?.length) {
      const elements: ZaloListElement[] = reply.items.slice(0, MAX_LIST).map((item) => ({
        title: item.label,
        default_action: 'url' in item ? { type: 'oa.open.url', url: item.url } : { type: 'oa.query.show', payload: actionPayload(item.action) },
      }));
      plan.push((client, user, quote) => client.sendList(user, elements, quote));
      if (controls.length) plan.push((client, user, quote) => client.sendButtons(user, '▸', controls.slice(0, MAX_BUTTONS).map(zaloButton), quote));
    }
  }
  return plan;
}
