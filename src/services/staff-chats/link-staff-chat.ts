// `/staff <api token>` in a private chat links it to that staff member: it may then send clips, and hears
// how they ended in the chat's language.
import type { StaffChatRepository } from '../../data/staff-chat-repository.js';
import type { Lang } from '../../i18n/messages.js';

export interface LinkStaffChatDeps {
  staffChats: StaffChatRepository;
  findStaffByToken: (token: string) => Promise<{ id: string; name: string } | null>;
}

/** The staff member the chat is now linked to; null when the token is nobody's. */
export async function linkStaffChat(deps: LinkStaffChatDeps, input: { chatId: string; token: string; lang: Lang }): Promise<{ name: string } | null> {
  const staff = await deps.findStaffByToken(input.token.trim());
  if (!staff) return null;
  await deps.staffChats.link({ chatId: input.chatId, staffId: staff.id, lang: input.lang });
  return { name: staff.name };
}
