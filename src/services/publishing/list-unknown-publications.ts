// The publications whose sender died mid-send: staff check the channel, then resend or not.
import { publicationView } from './publication-view.js';
import type { ScheduleDeps } from './deps.js';

export async function listUnknownPublications(deps: Pick<ScheduleDeps, 'publications'>) {
  return (await deps.publications.listUnknown()).map(publicationView);
}
