// An application and its timeline (each stage event with its notifications), as the staff API shows it.
import type { ArtisanRepository } from '../../data/artisan-repository.js';

type ApplicationWithTimeline = NonNullable<Awaited<ReturnType<ArtisanRepository['findApplicationWithTimeline']>>>;

export const applicationView = (a: ApplicationWithTimeline) => ({
  id: a.id,
  applicantId: a.applicantId,
  kind: a.kind,
  subject: a.subject,
  reference: a.reference,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  stage: a.stage,
  stageSince: a.stageSince.toISOString(),
  nextStep: a.nextStep,
  missing: a.missing,
  office: a.office,
  timeline: a.events.map((e) => ({
    id: e.id,
    stage: e.stage,
    note: e.note,
    by: e.by,
    at: e.at.toISOString(),
    notifications: e.notifications.map((n) => ({ status: n.status, chatLinkId: n.chatLinkId, sentAt: n.sentAt?.toISOString() ?? null, error: n.error })),
  })),
});
