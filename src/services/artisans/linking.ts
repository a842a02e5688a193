// Who may see which record: a chat is linked to an applicant by a one-time code (single use, expiring,
// compared as a hash in constant time, 5 wrong tries per chat per hour) or, on Telegram, by the user's
// own shared phone number. Every read is scoped to the chat's own link; an unlinked chat learns nothing.
import { timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import { hashCode } from './records.js';
import { normalizePhone } from './phone.js';
import type { StageBook } from './stages.js';

export interface ChatIdentity {
  channel: 'telegram' | 'zalo';
  chatId: string;
}

export interface ArtisanDeps {
  prisma: PrismaClient;
  redis: Redis;
  keyPrefix: string;
  messages: Messages;
  stages: StageBook;
}

export const MAX_WRONG_TRIES = 5;

export type LinkResult = { ok: true; name: string } | { ok: false; reason: 'refused' | 'locked' | 'not_own' };

export function createArtisanDesk(deps: ArtisanDeps) {
  const triesKey = (who: ChatIdentity) => `${deps.keyPrefix}:link-tries:${who.channel}:${who.chatId}`;

  async function link(who: ChatIdentity, applicantId: string, lang: Lang) {
    await deps.prisma.chatLink.upsert({
      where: { channel_chatId: { channel: who.channel, chatId: who.chatId } },
      create: { applicantId, channel: who.channel, chatId: who.chatId, lang },
      update: { applicantId, lang, linkedAt: new Date() },
    });
  }

  return {
    async linkByCode(who: ChatIdentity, code: string, lang: Lang): Promise<LinkResult> {
      const tries = triesKey(who);
      // Counted before the code is looked at: the sixth try in the hour is refused whatever it is.
      const count = await deps.redis.incr(tries);
      if (count === 1) await deps.redis.expire(tries, 3600);
      if (count > MAX_WRONG_TRIES) return { ok: false, reason: 'locked' };
      const hash = hashCode(code);
      const row = await deps.prisma.linkCode.findUnique({ where: { codeHash: hash }, include: { applicant: { select: { name: true } } } });
      const matches = row !== null && timingSafeEqual(Buffer.from(row.codeHash), Buffer.from(hash));
      if (!row || !matches || row.usedAt || row.expiresAt < new Date()) return { ok: false, reason: 'refused' };
      // Single use, even when two chats race with the same code.
      const claimed = await deps.prisma.linkCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count === 0) return { ok: false, reason: 'refused' };
      await link(who, row.applicantId, lang);
      await deps.redis.del(tries);
      return { ok: true, name: row.applicant.name };
    },

    /** Telegram's shared contact: accepted only when it is the sender's own. */
    async linkByPhone(who: ChatIdentity, phone: string, own: boolean, lang: Lang): Promise<LinkResult> {
      if (!own) return { ok: false, reason: 'not_own' };
      const normalised = normalizePhone(phone);
      const applicant = normalised ? await deps.prisma.applicant.findFirst({ where: { phones: { has: normalised } }, select: { id: true, name: true } }) : null;
      if (!applicant) return { ok: false, reason: 'refused' };
      await link(who, applicant.id, lang);
      return { ok: true, name: applicant.name };
    },

    async unlink(who: ChatIdentity): Promise<boolean> {
      const removed = await deps.prisma.chatLink.deleteMany({ where: { channel: who.channel, chatId: who.chatId } });
      return removed.count > 0;
    },

    async linkedApplicant(who: ChatIdentity) {
      return deps.prisma.chatLink.findUnique({ where: { channel_chatId: { channel: who.channel, chatId: who.chatId } }, select: { id: true, applicantId: true } });
    },

    /** The chat's own applications, as text; undefined when the chat is linked to no record. */
    async statusText(who: ChatIdentity, lang: Lang): Promise<string | undefined> {
      const link = await deps.prisma.chatLink.findUnique({
        where: { channel_chatId: { channel: who.channel, chatId: who.chatId } },
        include: { applicant: { include: { applications: { orderBy: { createdAt: 'asc' } } } } },
      });
      if (!link) return undefined;
      const t = (id: string, args?: Record<string, string>) => deps.messages.t(lang, id, args);
      const applications = link.applicant.applications;
      if (applications.length === 0) return t('artisan-no-applications');
      const date = (d: Date) => d.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
      const blocks = applications.map((a) => {
        const stage = deps.stages.find(a.kind, a.stage);
        const next = a.nextStep ?? stage?.next?.[lang];
        return [
          t('artisan-application', { subject: a.subject, kind: t('kind-name', { kind: a.kind }), stage: stage?.label[lang] ?? a.stage, since: date(a.stageSince) }),
          a.reference ? t('artisan-reference', { reference: a.reference }) : '',
          next ? t('artisan-next', { next }) : '',
          a.missing ? t('artisan-missing', { missing: a.missing }) : '',
          a.office ? t('artisan-office', { office: a.office }) : '',
        ]
          .filter(Boolean)
          .join('\n');
      });
      return [t('artisan-status-heading'), ...blocks].join('\n\n');
    },
  };
}

export type ArtisanDesk = ReturnType<typeof createArtisanDesk>;
