// Publishing's use cases bound to their repositories and ports: planning (schedule, move, cancel, resend,
// slots, CSV), sending (the worker's), the alarm clock's repairs, the public vlog pages, and Zalo
// subscribers.
import type { Lang } from '../../i18n/messages.js';
import type { Target, When } from '../../domain/publishing/targets.js';
import { bulkSchedule } from './bulk-schedule.js';
import { cancelPublication } from './cancel-publication.js';
import { deliverHeldVlogs } from './deliver-held-vlogs.js';
import { findNextSlot } from './find-next-slot.js';
import { getPublication } from './get-publication.js';
import { getVlog } from './get-vlog.js';
import { createLatestVlog } from './latest-vlog.js';
import { listPublications } from './list-publications.js';
import { listSchedulableClips } from './list-schedulable-clips.js';
import { listTargets } from './list-targets.js';
import { listUnknownPublications } from './list-unknown-publications.js';
import { listVlogs } from './list-vlogs.js';
import { markPublicationFailed } from './mark-publication-failed.js';
import { publishNow } from './publish-now.js';
import { publishPublication } from './publish-publication.js';
import { reconcilePublications } from './reconcile-publications.js';
import { releaseLatePublications } from './release-late-publications.js';
import { reschedulePublication } from './reschedule-publication.js';
import { resendPublication } from './resend-publication.js';
import { schedulePublication, type ScheduleInput } from './schedule-publication.js';
import { setTargetSlots } from './set-target-slots.js';
import { subscribeToVlogs } from './subscribe-to-vlogs.js';
import { unsubscribeFromVlogs } from './unsubscribe-from-vlogs.js';
import type { PublishingServiceDeps } from './deps.js';

export type { PublishingServiceDeps };

export function createPublishingService(deps: PublishingServiceDeps) {
  return {
    // Planning.
    schedule: (input: ScheduleInput) => schedulePublication(deps, input),
    reschedule: (id: string, when: When) => reschedulePublication(deps, id, when),
    cancel: (id: string) => cancelPublication(deps, id),
    publishNow: (id: string) => publishNow(deps, id),
    resend: (id: string) => resendPublication(deps, id),
    scheduleCsv: (csv: string) => bulkSchedule(deps, csv),
    get: (id: string) => getPublication(deps, id),
    list: (filter: { from: Date; to: Date; target?: Target }) => listPublications(deps, filter),
    listUnknown: () => listUnknownPublications(deps),
    listSchedulableClips: () => listSchedulableClips(deps),
    targets: () => listTargets(deps),
    setSlots: (target: Target, slots: string[]) => setTargetSlots(deps, target, slots),
    nextSlot: (target: Target) => findNextSlot(deps, target),
    // Sending (the publishing worker).
    publish: (publicationId: string) => publishPublication(deps, publicationId),
    publishAtOf: (publicationId: string) => deps.publications.publishAtOf(publicationId),
    markFailed: (publicationId: string, reason: string) => markPublicationFailed(deps, publicationId, reason),
    // The alarm clock.
    reconcile: (options: { horizonMs?: number } = {}) => reconcilePublications(deps, options),
    releaseLate: (clipId: string) => releaseLatePublications(deps, clipId),
    // The public vlog pages.
    listVlogs: (filter: { village?: string; limit?: number } = {}) => listVlogs(deps, filter),
    getVlog: (slug: string) => getVlog(deps, slug),
    /** A village's latest published vlog for its chat card (kept 30 s in this process). */
    latestVlog: createLatestVlog(deps),
    // Zalo subscribers.
    subscribe: (userId: string, lang: Lang) => subscribeToVlogs(deps, userId, lang),
    unsubscribe: (userId: string) => unsubscribeFromVlogs(deps, userId),
    deliverHeldVlogs: (userId: string) => deliverHeldVlogs(deps, userId),
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
