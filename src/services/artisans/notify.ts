// Tells every chat linked to an applicant that a stage changed, in the chat's language, once per change
// and chat: pending → sending → sent. Zalo only lets us write within a user's reply window: outside it
// the notification is held and goes out with the answer to the user's next message. A sender that dies
// mid-send leaves "unknown" (shown to staff) rather than sending twice.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { StageBook } from './stages.js';

export interface NotificationSenders {
  telegram?: (chatId: string, text: string) => Promise<void>;
  /** 'held' when Zalo does not allow writing to the user now. */
  zalo?: (userId: string, text: string) => Promise<'sent' | 'held'>;
}

export class PermanentSendError extends Error {
  name = 'PermanentSendError';
}

export interface NotifyDeps {
  prisma: PrismaClient;
  messages: Messages;
  stages: StageBook;
  senders: NotificationSenders;
  logger: Logger;
}

async function deliver(deps: NotifyDeps, notificationId: string, from: 'pending' | 'held'): Promise<void> {
  const claimed = await deps.prisma.notification.updateMany({ where: { id: notificationId, status: from }, data: { status: 'sending' } });
  if (claimed.count === 0) {
    const current = await deps.prisma.notification.findUnique({ where: { id: notificationId }, select: { status: true } });
    if (current?.status === 'sending' && from === 'pending') {
      await deps.prisma.notification.update({ where: { id: notificationId }, data: { status: 'unknown', error: 'The sender stopped while sending: check with the artisan before sending again.' } });
    }
    return;
  }
  const n = await deps.prisma.notification.findUniqueOrThrow({
    where: { id: notificationId },
    include: { chatLink: true, event: { include: { application: true } } },
  });
  const lang = (n.chatLink.lang === 'en' ? 'en' : 'vi') as Lang;
  const application = n.event.application;
  const text = deps.messages.t(lang, 'notify-stage-change', {
    subject: application.subject,
    stage: deps.stages.label(application.kind, n.event.stage, lang),
    note: n.event.note && n.event.note !== 'recorded' ? n.event.note : 'none',
  });
  try {
    let outcome: 'sent' | 'held';
    if (n.chatLink.channel === 'telegram' && deps.senders.telegram) {
      await deps.senders.telegram(n.chatLink.chatId, text);
      outcome = 'sent';
    } else if (n.chatLink.channel === 'zalo' && deps.senders.zalo) {
      outcome = await deps.senders.zalo(n.chatLink.chatId, text);
    } else {
      throw new PermanentSendError(`no ${n.chatLink.channel} sender configured`);
    }
    await deps.prisma.notification.update({ where: { id: n.id }, data: outcome === 'sent' ? { status: 'sent', sentAt: new Date(), error: null } : { status: 'held' } });
  } catch (error) {
    if (error instanceof PermanentSendError) {
      await deps.prisma.notification.update({ where: { id: n.id }, data: { status: 'failed', error: error.message } });
      deps.logger.warn({ notificationId: n.id, err: error }, 'notification failed');
      return;
    }
    // Nothing was delivered: try again later.
    await deps.prisma.notification.update({ where: { id: n.id }, data: { status: from, error: (error as Error).message?.slice(0, 300) } });
    throw error;
  }
}

/** The worker's job: every pending notification of one stage change. */
export async function notifyStageChange(deps: NotifyDeps, eventId: string): Promise<void> {
  const pending = await deps.prisma.notification.findMany({ where: { eventId, status: { in: ['pending', 'sending'] } }, select: { id: true } });
  const failures: unknown[] = [];
  for (const { id } of pending) await deliver(deps, id, 'pending').catch((error) => failures.push(error));
  if (failures.length) throw failures[0];
}

/** Stage changes with notifications still waiting a while after the change (for the reconciler). */
export async function pendingNotificationEvents(prisma: PrismaClient, olderThanMs = 30_000): Promise<string[]> {
  const rows = await prisma.notification.findMany({
    where: { status: 'pending', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    distinct: ['eventId'],
    select: { eventId: true },
    take: 500,
  });
  return rows.map((r) => r.eventId);
}

/** Held notifications of a Zalo user, sent now that they wrote (their window is open again). */
export async function deliverHeld(deps: NotifyDeps, channel: 'zalo', chatId: string): Promise<void> {
  const held = await deps.prisma.notification.findMany({
    where: { status: 'held', chatLink: { channel, chatId } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  for (const { id } of held) await deliver(deps, id, 'held');
}
