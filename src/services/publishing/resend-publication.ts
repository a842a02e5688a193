// After "unknown" (staff checked the channel) or "failed": send again, now.
import { AppError, notFound } from '../../errors.js';
import type { Target } from '../../domain/publishing/targets.js';
import { checkClip, setAlarm } from './scheduling.js';
import type { ScheduleDeps } from './deps.js';

export async function resendPublication(deps: ScheduleDeps, id: string) {
  const publication = await deps.publications.find(id);
  if (!publication) throw notFound('publication');
  if (publication.state !== 'unknown' && publication.state !== 'failed') {
    throw new AppError('not_resendable', `Only an unknown or failed publication can be resent; this one is ${publication.state}.`);
  }
  await checkClip(deps, publication.clipId, publication.target as Target);
  if (!(await deps.publications.scheduleAgain(id, publication.state, new Date())))
    throw new AppError('changed', 'The publication changed meanwhile; reload it.');
  const updated = await deps.publications.get(id);
  await setAlarm(deps, updated);
  return updated;
}
