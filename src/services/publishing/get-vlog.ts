// One published vlog by its page address, or undefined.
import { withVillage } from './list-vlogs.js';
import type { PublishingServiceDeps } from './deps.js';

export async function getVlog(deps: Pick<PublishingServiceDeps, 'publications'>, slug: string) {
  const [clip] = await deps.publications.findPublishedVlogs({ slug }, 1);
  return clip ? withVillage(deps, clip) : undefined;
}
