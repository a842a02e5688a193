// What the public channel pages show: published vlogs (of one village, if asked), newest first.
import { vlogView } from './vlog-view.js';
import type { PublishingServiceDeps } from './deps.js';

type VlogDeps = Pick<PublishingServiceDeps, 'publications'>;

export async function withVillage(deps: VlogDeps, clip: Parameters<typeof vlogView>[0]) {
  return vlogView(clip, clip.villageId ? await deps.publications.villageNames(clip.villageId) : null);
}

export async function listVlogs(deps: VlogDeps, filter: { village?: string; limit?: number } = {}) {
  const clips = await deps.publications.findPublishedVlogs(filter.village ? { villageId: filter.village } : {}, 500);
  const vlogs = await Promise.all(clips.map((clip) => withVillage(deps, clip)));
  // Newest publication first (a clip's row changes for other reasons too).
  return vlogs.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, filter.limit ?? 100);
}
