// The clip is ready: its publications that are due (late ones) go now.
import { syncPublicationJob } from './publication-jobs.js';
import type { PublishingServiceDeps } from './deps.js';

export async function releaseLatePublications(deps: Pick<PublishingServiceDeps, 'publications' | 'queues'>, clipId: string): Promise<number> {
  const late = await deps.publications.listDueOfClip(clipId, new Date());
  for (const publication of late) await syncPublicationJob(deps.queues, publication);
  return late.length;
}
