// Who may see which record, as the dialogue asks it: a chat is linked to an applicant by a one-time code
// or, on Telegram, by the user's own shared phone number; every read is scoped to the chat's own link.
import type { Lang } from '../../i18n/messages.js';
import type { ChatIdentity } from '../../domain/artisans/chat-link.js';
import { describeChatStatus, type ChatStatusDeps } from './describe-chat-status.js';
import { findChatLink } from './find-chat-link.js';
import { linkChatByCode, type LinkByCodeDeps } from './link-chat-by-code.js';
import { linkChatByPhone } from './link-chat-by-phone.js';
import { unlinkChat } from './unlink-chat.js';

export type { ChatIdentity, LinkResult } from '../../domain/artisans/chat-link.js';
export { MAX_WRONG_TRIES } from './link-chat-by-code.js';

export type ArtisanDeps = LinkByCodeDeps & ChatStatusDeps;

export function createArtisanDesk(deps: ArtisanDeps) {
  return {
    linkByCode: (who: ChatIdentity, code: string, lang: Lang) => linkChatByCode(deps, { who, code, lang }),
    /** Telegram's shared contact: accepted only when it is the sender's own. */
    linkByPhone: (who: ChatIdentity, phone: string, own: boolean, lang: Lang) => linkChatByPhone(deps, { who, phone, own, lang }),
    unlink: (who: ChatIdentity) => unlinkChat(deps, who),
    linkedApplicant: (who: ChatIdentity) => findChatLink(deps, who),
    /** The chat's own applications, as text; undefined when the chat is linked to no record. */
    statusText: (who: ChatIdentity, lang: Lang) => describeChatStatus(deps, { who, lang }),
  };
}

export type ArtisanDesk = ReturnType<typeof createArtisanDesk>;
