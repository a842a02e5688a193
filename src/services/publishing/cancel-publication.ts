// A waiting publication is cancelled; its job goes.
import { updateWaiting, waitingPublication } from './scheduling.js';
import type { ScheduleDeps } from './deps.js';

export async function cancelPublication(deps: ScheduleDeps, id: string) {
  await waitingPublication(deps, id);
  return updateWaiting(deps, id, { state: 'cancelled' });
}
