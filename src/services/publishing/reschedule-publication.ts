// Only a publication still waiting can move; its job moves with it.
import type { Target, When } from '../../domain/publishing/targets.js';
import { resolveWhen, updateWaiting, waitingPublication } from './scheduling.js';
import type { ScheduleDeps } from './deps.js';

export async function reschedulePublication(deps: ScheduleDeps, id: string, when: When) {
  const publication = await waitingPublication(deps, id);
  const publishAt = await resolveWhen(deps, publication.target as Target, when);
  return updateWaiting(deps, id, { publishAt });
}
