// Zalo followers who asked for new vlogs, and each vlog's delivery to each of them. A delivery moves
// pending → sending → sent (or held, failed) by conditional updates, so none goes twice.
import type { PrismaClient } from '../generated/prisma/client.js';

const CHANNEL = 'zalo';

export function createVlogSubscriberRepository(prisma: PrismaClient) {
  const key = (userId: string) => ({ channel_userId: { channel: CHANNEL, userId } });
  return {
    /** Subscribes (or changes the language of) a user; true when they were not subscribed before. */
    async subscribe(userId: string, lang: string): Promise<boolean> {
      const existing = await prisma.vlogSubscriber.findUnique({ where: key(userId) });
      await prisma.vlogSubscriber.upsert({ where: key(userId), create: { channel: CHANNEL, userId, lang }, update: { lang } });
      return !existing;
    },

    /** Unsubscribes a user and fails what was still waiting for them; true when they were subscribed. */
    async unsubscribe(userId: string): Promise<boolean> {
      const { count } = await prisma.vlogSubscriber.deleteMany({ where: { channel: CHANNEL, userId } });
      await prisma.vlogDelivery.updateMany({ where: { channel: CHANNEL, userId, status: { in: ['pending', 'held'] } }, data: { status: 'failed', error: 'unsubscribed' } });
      return count > 0;
    },

    async findSubscriber(userId: string) {
      return prisma.vlogSubscriber.findUnique({ where: key(userId) });
    },

    /** A pending delivery of the publication for every subscriber who has none yet; returns how many subscribers. */
    async addDeliveries(publicationId: string): Promise<number> {
      const subscribers = await prisma.vlogSubscriber.findMany({ where: { channel: CHANNEL }, select: { userId: true } });
      await prisma.vlogDelivery.createMany({ data: subscribers.map((s) => ({ publicationId, channel: CHANNEL, userId: s.userId })), skipDuplicates: true });
      return subscribers.length;
    },

    async listPending(publicationId: string): Promise<string[]> {
      return (await prisma.vlogDelivery.findMany({ where: { publicationId, status: 'pending' }, select: { id: true } })).map((d) => d.id);
    },

    /** What waits for a user (held, or pending), oldest first. */
    async listWaitingFor(userId: string) {
      const rows = await prisma.vlogDelivery.findMany({ where: { channel: CHANNEL, userId, status: { in: ['held', 'pending'] } }, orderBy: { createdAt: 'asc' }, select: { id: true, status: true } });
      return rows.map((row) => ({ id: row.id, status: row.status as 'held' | 'pending' }));
    },

    /** from → sending; false when someone else is sending it, or it went. */
    async claimDelivery(deliveryId: string, from: 'pending' | 'held'): Promise<boolean> {
      return (await prisma.vlogDelivery.updateMany({ where: { id: deliveryId, status: from }, data: { status: 'sending' } })).count > 0;
    },

    async getDelivery(deliveryId: string) {
      return prisma.vlogDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    },

    async settleDelivery(deliveryId: string, outcome: { status: 'sent'; sentAt: Date } | { status: 'held' } | { status: 'pending' | 'held' | 'failed'; error: string }): Promise<void> {
      const data = outcome.status === 'sent' ? { status: 'sent', sentAt: outcome.sentAt, error: null } : outcome;
      await prisma.vlogDelivery.update({ where: { id: deliveryId }, data });
    },
  };
}

export type VlogSubscriberRepository = ReturnType<typeof createVlogSubscriberRepository>;
