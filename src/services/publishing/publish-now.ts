// A waiting publication goes now instead of at its time.
import { updateWaiting, waitingPublication } from './scheduling.js';
import type { ScheduleDeps } from './deps.js';

export async function publishNow(deps: ScheduleDeps, id: string) {
  await waitingPublication(deps, id);
  return updateWaiting(deps, id, { publishAt: new Date() });
}
