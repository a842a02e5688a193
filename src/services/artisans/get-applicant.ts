// One applicant with their linked chats and their applications' timelines, for staff.
import { notFound } from '../../errors.js';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import { applicationView } from './application-view.js';

export async function getApplicant(deps: { artisans: ArtisanRepository }, id: string) {
  const applicant = await deps.artisans.findApplicantWithTimeline(id);
  if (!applicant) throw notFound('applicant');
  return {
    id: applicant.id,
    name: applicant.name,
    kind: applicant.kind,
    village: applicant.villageId,
    phones: applicant.phones,
    links: applicant.links.map((l) => ({ id: l.id, channel: l.channel, linkedAt: l.linkedAt.toISOString() })),
    applications: applicant.applications.map(applicationView),
  };
}
