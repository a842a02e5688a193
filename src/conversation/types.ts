// The channel-free dialogue speaks in these: what came in, and replies as data that Telegram and Zalo
// each render in their own way.
import type { Lang } from '../i18n/messages.js';

export interface ChatState {
  /** The language the chat chose; otherwise the one its client reports. */
  lang?: Lang;
  /** The village last talked about, for follow-up questions. */
  lastVillageId?: string;
  /** The chat was just told how to link: a code typed now is a link code. */
  awaitingCode?: boolean;
}

export type Command = 'start' | 'help' | 'language' | 'villages' | 'routes' | 'nearby' | 'menu' | 'products' | 'status' | 'link' | 'unlink';

export type Incoming =
  | { type: 'command'; command: Command; argument?: string }
  /** A phone number shared as a contact; `own` when it is the sender's own (Telegram checks user ids). */
  | { type: 'contact'; phone: string; own: boolean }
  | { type: 'text'; text: string }
  | { type: 'location'; lat: number; lon: number }
  /** A button pressed: the action it carries (see actions.ts). */
  | { type: 'action'; data: string };

export type Button = { label: string; action: string } | { label: string; url: string };

export interface Reply {
  text: string;
  /** The entries of a list (villages, routes…), one per line; Zalo shows them as a list template. */
  items?: Button[];
  /** The other buttons (paging, back, menu, links), in rows. */
  buttons?: Button[][];
  /** Replace the message whose button was pressed instead of sending a new one (paging). */
  edit?: boolean;
  /** Ask the user to share their location with a keyboard button. */
  requestLocation?: boolean;
  /** Ask the user to share their own phone number with a keyboard button (Telegram). */
  requestContact?: boolean;
  /** A place to show on a map. */
  venue?: { lat: number; lon: number; title: string; address: string };
  /** A short notice for the pressed button (a stale one, say). */
  notice?: string;
  /** A picture that goes with the reply (a village's latest vlog poster): a path on our server (/media/…),
   *  its alternative text, and the page it leads to (/vlogs/…). Channels show it as best they can. */
  photo?: { url: string; alt: string; link?: string };
}

export interface Outcome {
  replies: Reply[];
  state: ChatState;
}
