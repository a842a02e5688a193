// Each target's daily time slots (Hanoi time): its own, or PUBLISH_SLOTS; and the next one free.
import { effectiveSlots, firstFreeSlot, slotHorizon } from '../../domain/publishing/slots.js';
import type { Target } from '../../domain/publishing/targets.js';
import type { ScheduleDeps } from './deps.js';

type SlotDeps = Pick<ScheduleDeps, 'publications' | 'defaultSlots'>;

export async function slotsOf(deps: SlotDeps, target: Target): Promise<string[]> {
  return effectiveSlots(await deps.publications.slotsOf(target), deps.defaultSlots);
}

/** The first slot after `after` (within 60 days) with no publication of this target at that time. */
export async function nextFreeSlot(deps: SlotDeps, target: Target, after: Date, alsoTaken: Date[] = []): Promise<Date | undefined> {
  const slots = await slotsOf(deps, target);
  const taken = await deps.publications.takenTimes(target, after, slotHorizon(after));
  return firstFreeSlot(slots, after, new Set(taken.concat(alsoTaken).map((d) => d.getTime())));
}
