// A one-time code that links an artisan's chat to their record: shown once, kept only as a hash; audited.
import { notFound } from '../../errors.js';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import { auditActor, type Actor } from '../../domain/artisans/application.js';
import { hashCode, LINK_CODE_TTL_MS, newLinkCode } from '../../domain/artisans/link-code.js';

export async function issueLinkCode(deps: { artisans: ArtisanRepository }, input: { actor: Actor; applicantId: string }) {
  const applicant = await deps.artisans.findApplicantName(input.applicantId);
  if (!applicant) throw notFound('applicant');
  const code = newLinkCode();
  const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS);
  await deps.artisans.createLinkCode(
    { applicantId: input.applicantId, codeHash: hashCode(code), expiresAt },
    { actor: auditActor(input.actor), action: 'issue', entity: 'link_code', details: { applicantId: input.applicantId, expiresAt } },
  );
  return { code, expiresAt, applicantName: applicant.name };
}
