// New vlogs as messages (Zalo): "đăng ký vlog" subscribes the chat, "hủy đăng ký" stops it; only where
// the channel delivers vlogs and knows who is writing.
import { fold } from '../../ask/normalize.js';
import type { Turn } from '../turn.js';
import type { Outcome } from '../types.js';

const SUBSCRIBE = new Set([
  'dang ky',
  'dang ky vlog',
  'dang ky nhan vlog',
  'nhan vlog',
  'nhan vlog moi',
  'subscribe',
  'subscribe vlog',
  'subscribe vlogs',
  'subscribe to vlogs',
  'new vlogs',
]);
const UNSUBSCRIBE = new Set([
  'huy dang ky',
  'huy dang ky vlog',
  'ngung nhan vlog',
  'thoi nhan vlog',
  'unsubscribe',
  'unsubscribe vlog',
  'unsubscribe vlogs',
  'stop vlogs',
]);

export type VlogWish = 'subscribe' | 'unsubscribe';

/** What the text asks of vlog messages, if anything this chat can ask. */
export function vlogWish(turn: Turn, text: string): VlogWish | undefined {
  if (!turn.deps.vlogs || !turn.client.identity) return undefined;
  const folded = fold(text);
  return SUBSCRIBE.has(folded) ? 'subscribe' : UNSUBSCRIBE.has(folded) ? 'unsubscribe' : undefined;
}

export async function changeVlogSubscription(turn: Turn, wish: VlogWish): Promise<Outcome> {
  const vlogs = turn.deps.vlogs!;
  const chatId = turn.client.identity!.chatId;
  const subscribing = wish === 'subscribe';
  const changed = subscribing ? await vlogs.subscribe(chatId, turn.lang) : await vlogs.unsubscribe(chatId);
  const id = subscribing ? (changed ? 'vlog-subscribed' : 'vlog-already-subscribed') : changed ? 'vlog-unsubscribed' : 'vlog-not-subscribed';
  return turn.done([{ text: turn.t(id), buttons: [[turn.menuButton()]] }]);
}
