// Each target's daily time slots (Hanoi time), and the first one nobody has taken yet.
import { atHanoi, hanoiDay, hanoiMidnight } from './hanoi-time.js';

/** The states in which a publication holds its slot. */
export const TAKEN_STATES = ['scheduled', 'publishing', 'published', 'unknown'] as const;

/** How far ahead a free slot is looked for: 60 days after the day of `after`. */
export const slotHorizon = (after: Date): Date => hanoiMidnight(hanoiDay(after), 61)!;

/** The configured slots, or the defaults when none are, in order. */
export const effectiveSlots = (configured: string[] | undefined, defaults: string[]): string[] => [...(configured?.length ? configured : defaults)].sort();

/** The first slot after `after` (within 60 days) whose instant is not in `taken` (epoch ms). */
export function firstFreeSlot(slots: string[], after: Date, taken: Set<number>): Date | undefined {
  const today = hanoiDay(after);
  for (let day = 0; day <= 60; day++) {
    const date = hanoiDay(hanoiMidnight(today, day)!);
    for (const slot of slots) {
      const at = atHanoi(date, slot);
      if (at > after && !taken.has(at.getTime())) return at;
    }
  }
  return undefined;
}
