// The clips staff can pick to schedule in the calendar.
import type { ScheduleDeps } from './deps.js';

export async function listSchedulableClips(deps: Pick<ScheduleDeps, 'publications'>) {
  return deps.publications.listSchedulableClips();
}
