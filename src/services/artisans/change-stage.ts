// A stage change of an application: the event, the application's new stage and one notification per
// linked chat are written together (audited), then the notifications' job is queued.
import { AppError, notFound } from '../../errors.js';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { Logger } from '../../logger.js';
import { auditActor, type Actor } from '../../domain/artisans/application.js';
import type { StageBook } from './stages.js';

export interface ChangeStageDeps {
  artisans: ArtisanRepository;
  stages: StageBook;
  enqueueNotifications: (eventId: string) => Promise<void>;
  logger: Logger;
}

export interface ChangeStageInput {
  actor: Actor;
  applicationId: string;
  stage: string;
  note?: string;
  nextStep?: string;
  missing?: string;
}

export async function changeStage(deps: ChangeStageDeps, input: ChangeStageInput) {
  const application = await deps.artisans.findApplication(input.applicationId);
  if (!application) throw notFound('application');
  if (!deps.stages.has(application.kind, input.stage)) {
    throw new AppError('unknown_stage', `stage: "${input.stage}" is not a stage of ${application.kind} (content/stages.yaml)`);
  }
  const event = await deps.artisans.recordStageChange(
    application,
    { stage: input.stage, note: input.note ?? null, by: input.actor.name, nextStep: input.nextStep, missing: input.missing },
    {
      actor: auditActor(input.actor),
      action: 'stage_change',
      entity: 'application',
      details: { from: application.stage, to: input.stage, note: input.note ?? null },
    },
  );
  // The rows are written first; should Redis be away, the notifications' reconciler queues them later.
  await deps.enqueueNotifications(event.id).catch((error) => deps.logger.warn({ err: error }, 'notification not queued yet'));
  return event;
}
