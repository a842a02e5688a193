// Staff chats: private Telegram chats linked to a staff account (`/staff <token>`), which may send clips
// and hear how they ended, in the chat's language.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Lang } from '../i18n/messages.js';

export interface StaffChat {
  chatId: string;
  staffId: string;
  lang: Lang;
}

const columns = { chatId: true, staffId: true, lang: true } as const;

export function createStaffChatRepository(prisma: PrismaClient) {
  return {
    /** Links the chat to the account, or relinks it (another account, another language). */
    async link(chat: StaffChat): Promise<void> {
      const { chatId, ...link } = chat;
      await prisma.staffChat.upsert({ where: { chatId }, create: chat, update: link });
    },

    async find(chatId: string): Promise<StaffChat | null> {
      const chat = await prisma.staffChat.findUnique({ where: { chatId }, select: columns });
      // Written only from Lang values by link above.
      return chat && { ...chat, lang: chat.lang as Lang };
    },
  };
}

export type StaffChatRepository = ReturnType<typeof createStaffChatRepository>;
