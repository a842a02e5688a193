// A new application of an applicant, at the stage given or the first of its kind; audited.
import { AppError, notFound } from '../../errors.js';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import { auditActor, type Actor, type ApplicationKind } from '../../domain/artisans/application.js';
import type { StageBook } from './stages.js';

export interface CreateApplicationInput {
  actor: Actor;
  applicantId: string;
  kind: ApplicationKind;
  subject: string;
  reference?: string;
  submittedAt?: Date;
  stage?: string;
  nextStep?: string;
  missing?: string;
  office?: string;
}

export async function createApplication(deps: { artisans: ArtisanRepository; stages: StageBook }, input: CreateApplicationInput) {
  const { actor, ...fields } = input;
  if (!(await deps.artisans.applicantExists(fields.applicantId))) throw notFound('applicant');
  const stage = fields.stage ?? deps.stages.first(fields.kind);
  if (!deps.stages.has(fields.kind, stage)) throw new AppError('unknown_stage', `stage: "${stage}" is not a stage of ${fields.kind} (content/stages.yaml)`);
  return deps.artisans.createApplication(
    {
      applicantId: fields.applicantId,
      kind: fields.kind,
      subject: fields.subject,
      reference: fields.reference ?? null,
      submittedAt: fields.submittedAt ?? null,
      stage,
      nextStep: fields.nextStep ?? null,
      missing: fields.missing ?? null,
      office: fields.office ?? null,
    },
    { by: actor.name, note: 'recorded' },
    { actor: auditActor(actor), action: 'create', entity: 'application', details: fields },
  );
}
