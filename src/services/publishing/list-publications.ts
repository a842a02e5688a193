// The publications in a time range (a Hanoi day or week, or from–to), optionally of one target, in order.
import type { Target } from '../../domain/publishing/targets.js';
import { publicationView } from './publication-view.js';
import type { ScheduleDeps } from './deps.js';

export async function listPublications(deps: Pick<ScheduleDeps, 'publications'>, filter: { from: Date; to: Date; target?: Target }) {
  return (await deps.publications.listBetween(filter)).map(publicationView);
}
