// The target's next free slot from now, for a form to offer.
import { AppError } from '../../errors.js';
import type { Target } from '../../domain/publishing/targets.js';
import { nextFreeSlot } from './slots.js';
import type { ScheduleDeps } from './deps.js';

export async function findNextSlot(deps: Pick<ScheduleDeps, 'publications' | 'defaultSlots'>, target: Target): Promise<Date> {
  const at = await nextFreeSlot(deps, target, new Date());
  if (!at) throw new AppError('no_free_slot', `No free ${target} slot in the next 60 days.`);
  return at;
}
