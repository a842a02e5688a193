// Staff plan a publication: a clip × a target × a time (entered and shown in Hanoi time, kept in UTC).
import type { Target, When } from '../../domain/publishing/targets.js';
import { checkClip, resolveWhen, setAlarm } from './scheduling.js';
import type { ScheduleDeps } from './deps.js';

export interface ScheduleInput {
  clipId: string;
  target: Target;
  when: When;
}

export async function schedulePublication(deps: ScheduleDeps, input: ScheduleInput) {
  await checkClip(deps, input.clipId, input.target);
  const publishAt = await resolveWhen(deps, input.target, input.when);
  const publication = await deps.publications.create({ clipId: input.clipId, target: input.target, publishAt });
  await setAlarm(deps, publication);
  return publication;
}
