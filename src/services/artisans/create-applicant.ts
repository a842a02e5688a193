// A new applicant (a person or an organisation) with their phone number; audited.
import { AppError } from '../../errors.js';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import { auditActor, type Actor } from '../../domain/artisans/application.js';
import { normalizePhone } from './phone.js';

export interface CreateApplicantInput {
  actor: Actor;
  name: string;
  phone: string;
  village?: string;
  kind?: 'person' | 'organisation';
}

export async function createApplicant(deps: { artisans: ArtisanRepository }, input: CreateApplicantInput) {
  const phone = normalizePhone(input.phone);
  if (!phone) throw new AppError('bad_phone', 'phone: not a Vietnamese phone number (e.g. 0912 345 678 or +84 912 345 678)');
  if (input.village && !(await deps.artisans.villageExists(input.village))) {
    throw new AppError('unknown_village', `village: no village "${input.village}" in the handbook`);
  }
  return deps.artisans.createApplicant(
    { name: input.name, kind: input.kind ?? 'person', villageId: input.village ?? null, phones: [phone] },
    { actor: auditActor(input.actor), action: 'create', entity: 'applicant', details: { name: input.name, village: input.village ?? null } },
  );
}
