// One publication, as shown.
import { notFound } from '../../errors.js';
import { publicationView } from './publication-view.js';
import type { ScheduleDeps } from './deps.js';

export async function getPublication(deps: Pick<ScheduleDeps, 'publications'>, id: string) {
  const publication = await deps.publications.findWithClip(id);
  if (!publication) throw notFound('publication');
  return publicationView(publication);
}
