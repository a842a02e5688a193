// Every target, whether it is configured here, and its daily slots.
import { isConfigured, TARGETS } from '../../domain/publishing/targets.js';
import { slotsOf } from './slots.js';
import type { ScheduleDeps } from './deps.js';

export async function listTargets(deps: Pick<ScheduleDeps, 'publications' | 'defaultSlots' | 'configured'>) {
  return Promise.all(TARGETS.map(async (target) => ({ target, configured: isConfigured(deps.configured, target), slots: await slotsOf(deps, target) })));
}
