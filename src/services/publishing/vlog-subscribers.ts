// Zalo followers who asked for new vlogs get each one as a message (poster, title, a link to its page).
// Zalo lets an OA write only inside a user's reply window, and there is no paid broadcast here: a
// delivery that may not go now is held and goes with the answer to the user's next message. Each
// delivery moves pending → sending → sent (or held, failed), claimed by a conditional update, so none
// goes twice; one whose sender died mid-send stays "sending" rather than being sent again.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import type { Lang } from '../../i18n/messages.js';

export interface VlogMessage {
  title: string;
  village?: string;
  posterUrl?: string;
  pageUrl: string;
  lang: Lang;
}

/** Sends one vlog message; 'held' when Zalo's rules do not let us write to this user now. */
export type VlogMessenger = (userId: string, vlog: VlogMessage) => Promise<'sent' | 'held'>;

export class PermanentDeliveryError extends Error {
  name = 'PermanentDeliveryError';
}

export interface VlogDeliveryDeps {
  prisma: PrismaClient;
  messenger?: VlogMessenger;
  logger: Logger;
  /** The vlog as a message, for one publication and language. */
  describe: (publicationId: string, lang: Lang) => Promise<Omit<VlogMessage, 'lang'>>;
}

export async function subscribe(prisma: PrismaClient, userId: string, lang: Lang): Promise<boolean> {
  const existing = await prisma.vlogSubscriber.findUnique({ where: { channel_userId: { channel: 'zalo', userId } } });
  await prisma.vlogSubscriber.upsert({ where: { channel_userId: { channel: 'zalo', userId } }, create: { channel: 'zalo', userId, lang }, update: { lang } });
  return !existing;
}

export async function unsubscribe(prisma: PrismaClient, userId: string): Promise<boolean> {
  const { count } = await prisma.vlogSubscriber.deleteMany({ where: { channel: 'zalo', userId } });
  // What was held for them is not sent any more.
  await prisma.vlogDelivery.updateMany({ where: { channel: 'zalo', userId, status: { in: ['pending', 'held'] } }, data: { status: 'failed', error: 'unsubscribed' } });
  return count > 0;
}

/** A delivery row for every subscriber (once), then each sent or held; returns how many subscribers. */
export async function deliverToSubscribers(deps: VlogDeliveryDeps, publicationId: string): Promise<number> {
  const subscribers = await deps.prisma.vlogSubscriber.findMany({ where: { channel: 'zalo' }, select: { userId: true } });
  await deps.prisma.vlogDelivery.createMany({ data: subscribers.map((s) => ({ publicationId, channel: 'zalo', userId: s.userId })), skipDuplicates: true });
  const pending = await deps.prisma.vlogDelivery.findMany({ where: { publicationId, status: 'pending' }, select: { id: true } });
  // One at a time: Zalo answers quickly, and its own limit is per OA.
  for (const { id } of pending) await deliver(deps, id, 'pending');
  return subscribers.length;
}

/** The user wrote: their window is open, so what was held for them goes now. */
export async function deliverHeldVlogs(deps: VlogDeliveryDeps, userId: string): Promise<void> {
  const held = await deps.prisma.vlogDelivery.findMany({ where: { channel: 'zalo', userId, status: { in: ['held', 'pending'] } }, orderBy: { createdAt: 'asc' }, select: { id: true, status: true } });
  for (const { id, status } of held) await deliver(deps, id, status as 'held' | 'pending');
}

async function deliver(deps: VlogDeliveryDeps, deliveryId: string, from: 'pending' | 'held'): Promise<void> {
  const claimed = await deps.prisma.vlogDelivery.updateMany({ where: { id: deliveryId, status: from }, data: { status: 'sending' } });
  // Someone else is sending it, or it went: never twice. (One left "sending" by a dead process stays so.)
  if (claimed.count === 0) return;
  const delivery = await deps.prisma.vlogDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  const subscriber = await deps.prisma.vlogSubscriber.findUnique({ where: { channel_userId: { channel: 'zalo', userId: delivery.userId } } });
  if (!subscriber || !deps.messenger) {
    await deps.prisma.vlogDelivery.update({ where: { id: deliveryId }, data: { status: 'failed', error: subscriber ? 'Zalo is not configured' : 'unsubscribed' } });
    return;
  }
  try {
    const lang = (subscriber.lang === 'en' ? 'en' : 'vi') as Lang;
    const outcome = await deps.messenger(delivery.userId, { ...(await deps.describe(delivery.publicationId, lang)), lang });
    await deps.prisma.vlogDelivery.update({ where: { id: deliveryId }, data: outcome === 'sent' ? { status: 'sent', sentAt: new Date(), error: null } : { status: 'held' } });
  } catch (error) {
    const permanent = error instanceof PermanentDeliveryError;
    // Not sent: a later run (or the user's next message) tries again, unless it can never work.
    await deps.prisma.vlogDelivery.update({ where: { id: deliveryId }, data: { status: permanent ? 'failed' : from, error: (error as Error).message.slice(0, 300) } });
    deps.logger.warn({ deliveryId, err: error }, 'vlog delivery failed');
  }
}
