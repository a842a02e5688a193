// The console's list of applicants (newest first) with their applications and linked channels.
import type { ArtisanRepository } from '../../data/artisan-repository.js';

export async function listApplicants(deps: { artisans: ArtisanRepository }) {
  return deps.artisans.listApplicants();
}
