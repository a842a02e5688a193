// What the public channel pages show: published vlogs (of one village, if asked), newest first.
import { vlogView } from './vlog-view.js';
import type { PublishingServiceDeps } from './deps.js';

type VlogDeps = Pick<PublishingServiceDeps, 'publications'>;

export async function withVillage(deps: VlogDeps, clip: Parameters<typeof vlogView>[0]) {
  return vlogView(clip, clip.villageId ? await deps.publications.villageNames(clip.villageId) : null);
}

export async function listVlogs(deps: VlogDeps, filter: { village?: string; limit?: number } = {}) {
  // Newest first publication first, ordered and cut by the database.
  const clips = await deps.publications.findPublishedVlogs(filter.village ? { villageId: filter.village } : {}, filter.limit ?? 100);
  return Promise.all(clips.map((clip) => withVillage(deps, clip)));
}
