// A target's own daily slots (Hanoi "HH:MM"), kept sorted and without repeats.
import type { Target } from '../../domain/publishing/targets.js';
import type { ScheduleDeps } from './deps.js';

export async function setTargetSlots(deps: Pick<ScheduleDeps, 'publications'>, target: Target, slots: string[]): Promise<string[]> {
  const sorted = [...new Set(slots)].sort();
  await deps.publications.setSlots(target, sorted);
  return sorted;
}
