// The port through which a new vlog reaches one subscriber (Zalo implements it).
import type { Lang } from '../../i18n/messages.js';

export interface VlogMessage {
  title: string;
  village?: string;
  posterUrl?: string;
  pageUrl: string;
  lang: Lang;
}

/** Sends one vlog message; 'held' when the chat app's rules do not let us write to this user now. */
export type VlogMessenger = (userId: string, vlog: VlogMessage) => Promise<'sent' | 'held'>;

/** The chat app refused this user for good (blocked, unknown): the delivery fails instead of being tried again. */
export class PermanentDeliveryError extends Error {
  name = 'PermanentDeliveryError';
}
