// Each target's daily time slots (Hanoi time) and the next one nobody has taken yet.
import type { PrismaClient } from '../../generated/prisma/client.js';
import { atHanoi, hanoiDay, hanoiMidnight } from './hanoi-time.js';

// "web": the public vlog pages and RSS only (the channel on the web); always there, needs no chat app.
export const TARGETS = ['telegram', 'zalo', 'web'] as const;
export type Target = (typeof TARGETS)[number];

const TAKEN = ['scheduled', 'publishing', 'published', 'unknown'] as const;

export async function slotsOf(prisma: PrismaClient, target: Target, defaults: string[]): Promise<string[]> {
  const row = await prisma.targetSlots.findUnique({ where: { target } });
  return [...(row?.slots.length ? row.slots : defaults)].sort();
}

export async function setSlots(prisma: PrismaClient, target: Target, slots: string[]): Promise<string[]> {
  const sorted = [...new Set(slots)].sort();
  await prisma.targetSlots.upsert({ where: { target }, create: { target, slots: sorted }, update: { slots: sorted } });
  return sorted;
}

/** The first slot after `after` (within 60 days) with no publication of this target at that time. */
export async function nextFreeSlot(prisma: PrismaClient, target: Target, slots: string[], after: Date, alsoTaken: Date[] = []): Promise<Date | undefined> {
  const today = hanoiDay(after);
  const horizon = hanoiMidnight(today, 61)!;
  const taken = new Set(
    (await prisma.publication.findMany({ where: { target, state: { in: [...TAKEN] }, publishAt: { gt: after, lt: horizon } }, select: { publishAt: true } }))
      .map((p) => p.publishAt.getTime())
      .concat(alsoTaken.map((d) => d.getTime())),
  );
  for (let day = 0; day <= 60; day++) {
    const date = hanoiDay(hanoiMidnight(today, day)!);
    for (const slot of slots) {
      const at = atHanoi(date, slot);
      if (at > after && !taken.has(at.getTime())) return at;
    }
  }
  return undefined;
}
