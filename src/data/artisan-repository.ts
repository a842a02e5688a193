// Artisans' records: applicants, their applications and stage events, the chats linked to them (and the
// one-time codes that link them), the notifications of stage changes, and the audit log of every change.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/** One line of the audit log, written in the same transaction as the change it records. */
export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  details: unknown;
}

export interface ChatKey {
  channel: string;
  chatId: string;
}

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'held' | 'failed' | 'unknown';

export interface NewApplication {
  applicantId: string;
  kind: string;
  subject: string;
  reference: string | null;
  submittedAt: Date | null;
  stage: string;
  nextStep: string | null;
  missing: string | null;
  office: string | null;
}

export interface ImportedApplication extends Omit<NewApplication, 'applicantId'> {
  line: number;
  name: string;
  applicantKind: string;
  villageId: string | null;
  phone: string;
}

type Tx = Prisma.TransactionClient;
const audit = (tx: Tx, entry: AuditEntry, entityId: string) =>
  tx.auditLog.create({ data: { actor: entry.actor, action: entry.action, entity: entry.entity, entityId, details: entry.details as Prisma.InputJsonValue } });
const channelChat = (who: ChatKey) => ({ channel_chatId: { channel: who.channel, chatId: who.chatId } });
const withTimeline = { events: { orderBy: { at: 'asc' as const }, include: { notifications: true } } };

export function createArtisanRepository(prisma: PrismaClient) {
  return {
    // The handbook's villages, which an applicant may belong to.
    async villageExists(id: string): Promise<boolean> {
      return (await prisma.village.findUnique({ where: { id }, select: { id: true } })) !== null;
    },
    async villageIds(): Promise<Set<string>> {
      return new Set((await prisma.village.findMany({ select: { id: true } })).map((v) => v.id));
    },

    async applicantExists(id: string): Promise<boolean> {
      return (await prisma.applicant.findUnique({ where: { id }, select: { id: true } })) !== null;
    },
    async findApplicantName(id: string): Promise<{ name: string } | null> {
      return prisma.applicant.findUnique({ where: { id }, select: { name: true } });
    },
    async findApplicantByPhone(phone: string): Promise<{ id: string; name: string } | null> {
      return prisma.applicant.findFirst({ where: { phones: { has: phone } }, select: { id: true, name: true } });
    },

    async createApplicant(applicant: { name: string; kind: string; villageId: string | null; phones: string[] }, entry: AuditEntry) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.applicant.create({ data: applicant });
        await audit(tx, entry, row.id);
        return row;
      });
    },

    async createLinkCode(code: { applicantId: string; codeHash: string; expiresAt: Date }, entry: AuditEntry): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const row = await tx.linkCode.create({ data: code });
        await audit(tx, entry, row.id);
      });
    },

    async findApplication(id: string) {
      return prisma.application.findUnique({ where: { id } });
    },

    /** The application with its first event (at its first stage), in one transaction. */
    async createApplication(application: NewApplication, firstEvent: { by: string; note: string }, entry: AuditEntry) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.application.create({ data: application });
        await tx.applicationEvent.create({ data: { applicationId: row.id, stage: application.stage, by: firstEvent.by, note: firstEvent.note } });
        await audit(tx, entry, row.id);
        return row;
      });
    },

    /** The event, the application's new stage and one pending notification per linked chat, together. */
    async recordStageChange(
      application: { id: string; applicantId: string },
      change: { stage: string; note: string | null; by: string; nextStep?: string; missing?: string },
      entry: AuditEntry,
    ) {
      return prisma.$transaction(async (tx) => {
        const event = await tx.applicationEvent.create({ data: { applicationId: application.id, stage: change.stage, note: change.note, by: change.by } });
        await tx.application.update({
          where: { id: application.id },
          data: {
            stage: change.stage,
            stageSince: event.at,
            ...(change.nextStep !== undefined ? { nextStep: change.nextStep } : {}),
            ...(change.missing !== undefined ? { missing: change.missing } : {}),
          },
        });
        // Created with the change itself: none is forgotten.
        const links = await tx.chatLink.findMany({ where: { applicantId: application.applicantId }, select: { id: true } });
        if (links.length) await tx.notification.createMany({ data: links.map((l) => ({ eventId: event.id, chatLinkId: l.id })) });
        await audit(tx, entry, application.id);
        return event;
      });
    },

    async findApplicationWithTimeline(id: string) {
      return prisma.application.findUnique({ where: { id }, include: withTimeline });
    },

    async findApplicantWithTimeline(id: string) {
      return prisma.applicant.findUnique({
        where: { id },
        include: { applications: { orderBy: { createdAt: 'asc' }, include: withTimeline }, links: { select: { id: true, channel: true, linkedAt: true } } },
      });
    },

    /** The newest applicants, with their linked channels and applications, for the console. */
    async listApplicants() {
      return prisma.applicant.findMany({
        orderBy: { createdAt: 'desc' },
        take: 300,
        include: { links: { select: { channel: true } }, applications: { orderBy: { createdAt: 'asc' } } },
      });
    },

    /** Zalo notifications not sent yet, oldest first, for the console. */
    async listWaitingZaloNotifications() {
      return prisma.notification.findMany({
        where: { status: { in: ['held', 'pending'] }, chatLink: { channel: 'zalo' } },
        orderBy: { createdAt: 'asc' },
        take: 200,
        include: { chatLink: { select: { applicant: { select: { name: true } } } }, event: { select: { stage: true, application: { select: { kind: true, subject: true } } } } },
      });
    },

    /** Applicants (one per phone, found or created) and their applications, all in one transaction or none. */
    async importApplications(rows: ImportedApplication[], actor: string): Promise<{ applicants: number }> {
      return prisma.$transaction(
        async (tx) => {
          let applicants = 0;
          for (const { line, name, applicantKind, villageId, phone, ...application } of rows) {
            // The same person on several lines (several applications) is one applicant, found by phone.
            let applicant = await tx.applicant.findFirst({ where: { phones: { has: phone } } });
            if (!applicant) {
              applicant = await tx.applicant.create({ data: { name, kind: applicantKind, villageId, phones: [phone] } });
              applicants++;
            }
            const row = await tx.application.create({ data: { ...application, applicantId: applicant.id } });
            await tx.applicationEvent.create({ data: { applicationId: row.id, stage: application.stage, by: actor, note: 'imported' } });
            await audit(tx, { actor, action: 'import', entity: 'application', details: { line } }, row.id);
          }
          return { applicants };
        },
        { timeout: 120_000 },
      );
    },

    // Link codes and the chats they link.
    async findLinkCodeByHash(codeHash: string) {
      return prisma.linkCode.findUnique({ where: { codeHash }, include: { applicant: { select: { name: true } } } });
    },
    /** Marks the code used unless someone else did first; true when this call did. */
    async claimLinkCode(id: string): Promise<boolean> {
      const claimed = await prisma.linkCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
      return claimed.count > 0;
    },
    async linkChat(who: ChatKey, applicantId: string, lang: string): Promise<void> {
      await prisma.chatLink.upsert({
        where: channelChat(who),
        create: { applicantId, channel: who.channel, chatId: who.chatId, lang },
        update: { applicantId, lang, linkedAt: new Date() },
      });
    },
    async unlinkChat(who: ChatKey): Promise<boolean> {
      const removed = await prisma.chatLink.deleteMany({ where: { channel: who.channel, chatId: who.chatId } });
      return removed.count > 0;
    },
    async findChatLink(who: ChatKey): Promise<{ id: string; applicantId: string } | null> {
      return prisma.chatLink.findUnique({ where: channelChat(who), select: { id: true, applicantId: true } });
    },
    /** The chat's link with its applicant's applications, oldest first; null when the chat is not linked. */
    async findChatLinkApplications(who: ChatKey) {
      const link = await prisma.chatLink.findUnique({
        where: channelChat(who),
        include: { applicant: { include: { applications: { orderBy: { createdAt: 'asc' } } } } },
      });
      return link ? { applications: link.applicant.applications } : null;
    },

    // Notifications: pending → sending → sent (or held, failed, unknown).
    /** Moves a notification from one status to "sending"; false when it was not in that status. */
    async claimNotification(id: string, from: 'pending' | 'held'): Promise<boolean> {
      const claimed = await prisma.notification.updateMany({ where: { id, status: from }, data: { status: 'sending' } });
      return claimed.count > 0;
    },
    async notificationStatus(id: string): Promise<NotificationStatus | undefined> {
      return (await prisma.notification.findUnique({ where: { id }, select: { status: true } }))?.status as NotificationStatus | undefined;
    },
    /** What a notification's message is made of: the chat it goes to and the stage change it tells of. */
    async findNotificationToSend(id: string) {
      const n = await prisma.notification.findUniqueOrThrow({ where: { id }, include: { chatLink: true, event: { include: { application: true } } } });
      return {
        id: n.id,
        chat: { channel: n.chatLink.channel, chatId: n.chatLink.chatId, lang: n.chatLink.lang },
        event: { stage: n.event.stage, note: n.event.note },
        application: { kind: n.event.application.kind, subject: n.event.application.subject },
      };
    },
    async markNotificationSent(id: string): Promise<void> {
      await prisma.notification.update({ where: { id }, data: { status: 'sent', sentAt: new Date(), error: null } });
    },
    /** Another status; the error is kept as it was when none is given. */
    async setNotificationStatus(id: string, status: Exclude<NotificationStatus, 'sent'>, error?: string): Promise<void> {
      await prisma.notification.update({ where: { id }, data: { status, error } });
    },
    /** Notifications of one stage change not delivered yet, or left mid-send. */
    async undeliveredNotificationIds(eventId: string): Promise<string[]> {
      const rows = await prisma.notification.findMany({ where: { eventId, status: { in: ['pending', 'sending'] } }, select: { id: true } });
      return rows.map((r) => r.id);
    },
    async heldNotificationIds(who: ChatKey): Promise<string[]> {
      const rows = await prisma.notification.findMany({
        where: { status: 'held', chatLink: { channel: who.channel, chatId: who.chatId } },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },
    /** Stage changes with notifications still pending since before the given time (at most 500). */
    async eventsPendingSince(before: Date): Promise<string[]> {
      const rows = await prisma.notification.findMany({
        where: { status: 'pending', createdAt: { lt: before } },
        distinct: ['eventId'],
        select: { eventId: true },
        take: 500,
      });
      return rows.map((r) => r.eventId);
    },
  };
}

export type ArtisanRepository = ReturnType<typeof createArtisanRepository>;
