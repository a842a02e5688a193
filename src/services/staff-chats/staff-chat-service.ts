// Staff chats on Telegram (linked with `/staff <token>`) and the one-time upload links they are given for
// videos too big for the bot: built once by the composition root, used by the Telegram staff feature and
// the console.
import type { StaffChatRepository } from '../../data/staff-chat-repository.js';
import type { Lang } from '../../i18n/messages.js';
import { issueUploadTicket } from './issue-upload-ticket.js';
import { linkStaffChat } from './link-staff-chat.js';
import { redeemUploadTicket } from './redeem-upload-ticket.js';
import type { UploadTicketStore } from './upload-ticket-store.js';

export interface StaffChatServiceDeps {
  staffChats: StaffChatRepository;
  tickets: UploadTicketStore;
  findStaffByToken: (token: string) => Promise<{ id: string; name: string } | null>;
  /** Where the console is, for the upload links (PUBLIC_URL). */
  publicUrl?: string;
}

export function createStaffChatService(deps: StaffChatServiceDeps) {
  return {
    link: (input: { chatId: string; token: string; lang: Lang }) => linkStaffChat(deps, input),
    /** The linked chat, or null for any other chat. */
    find: (chatId: string) => deps.staffChats.find(chatId),
    issueUploadTicket: (staffId: string) => issueUploadTicket(deps, staffId),
    redeemUploadTicket: (ticket: string | undefined) => redeemUploadTicket(deps, ticket),
  };
}

export type StaffChatService = ReturnType<typeof createStaffChatService>;
