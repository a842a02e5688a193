// One application with its timeline, for staff.
import { notFound } from '../../errors.js';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import { applicationView } from './application-view.js';

export async function getApplication(deps: { artisans: ArtisanRepository }, id: string) {
  const application = await deps.artisans.findApplicationWithTimeline(id);
  if (!application) throw notFound('application');
  return applicationView(application);
}
