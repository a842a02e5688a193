// Artisans' records, bound to their repository and ports: staff keep applicants, applications and their
// stage changes; linked chats are notified (through the channels' senders, given by the composition
// root) and read their own status through the desk the dialogue uses.
import type { Redis } from 'ioredis';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { NotificationSenders } from '../../domain/artisans/notification-senders.js';
import type { StageBook } from './stages.js';
import { createApplicant, type CreateApplicantInput } from './create-applicant.js';
import { createApplication, type CreateApplicationInput } from './create-application.js';
import { issueLinkCode } from './issue-link-code.js';
import { changeStage, type ChangeStageInput } from './change-stage.js';
import { getApplicant } from './get-applicant.js';
import { getApplication } from './get-application.js';
import { listApplicants } from './list-applicants.js';
import { listWaitingNotifications } from './list-waiting-notifications.js';
import { importArtisansCsv } from './import-csv.js';
import { notifyStageChange } from './notify-stage-change.js';
import { deliverHeldNotifications } from './deliver-held-notifications.js';
import { findPendingNotificationEvents } from './find-pending-notification-events.js';
import { createArtisanDesk } from './linking.js';
import type { Actor } from '../../domain/artisans/application.js';

export interface ArtisansServiceDeps {
  artisans: ArtisanRepository;
  stages: StageBook;
  messages: Messages;
  logger: Logger;
  senders: NotificationSenders;
  /** Queues the notifications job of a stage change (deterministic id: a duplicate is dropped). */
  enqueueNotifications: (eventId: string) => Promise<void>;
  /** Counts wrong link codes per chat. */
  redis: Redis;
  keyPrefix: string;
}

export function createArtisansService(deps: ArtisansServiceDeps) {
  return {
    createApplicant: (input: CreateApplicantInput) => createApplicant(deps, input),
    getApplicant: (id: string) => getApplicant(deps, id),
    listApplicants: () => listApplicants(deps),
    issueLinkCode: (input: { actor: Actor; applicantId: string }) => issueLinkCode(deps, input),
    createApplication: (input: CreateApplicationInput) => createApplication(deps, input),
    getApplication: (id: string) => getApplication(deps, id),
    changeStage: (input: ChangeStageInput) => changeStage(deps, input),
    importCsv: (input: { actor: Actor; csv: string }) => importArtisansCsv(deps, input),
    listWaitingNotifications: () => listWaitingNotifications(deps),
    notifyStageChange: (eventId: string) => notifyStageChange(deps, eventId),
    deliverHeld: (input: { channel: 'zalo'; chatId: string }) => deliverHeldNotifications(deps, input),
    pendingNotificationEvents: (input?: { olderThanMs?: number }) => findPendingNotificationEvents(deps, input),
    /** What the dialogue asks of artisans' records (linking a chat, its own status). */
    desk: createArtisanDesk(deps),
  };
}

export type ArtisansService = ReturnType<typeof createArtisansService>;
