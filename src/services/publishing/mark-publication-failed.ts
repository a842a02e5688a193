// A publication that can never go is marked failed, with its reason, and staff are told (once).
import type { PublishingServiceDeps } from './deps.js';

/** Tells staff one message (by its id) about this publication. */
export type StaffNotice = (id: string, extra?: Record<string, string>) => Promise<void>;

type FailDeps = Pick<PublishingServiceDeps, 'publications' | 'logger'>;

export async function failPublication(deps: FailDeps, publicationId: string, reason: string, staffNotice: StaffNotice): Promise<'failed'> {
  const marked = await deps.publications.markFailed(publicationId, reason.slice(0, 500));
  if (marked) {
    deps.logger.warn({ publicationId, reason }, 'publication failed');
    await staffNotice('publication-failed', { reason });
  }
  return 'failed';
}

/** Marks a publication failed after its tries ran out (the worker's last word). */
export async function markPublicationFailed(deps: FailDeps & Pick<PublishingServiceDeps, 'messages' | 'tellStaff'>, publicationId: string, reason: string) {
  const publication = await deps.publications.findWithClip(publicationId);
  if (!publication) return;
  await failPublication(deps, publicationId, reason, (id, extra) =>
    deps.tellStaff((lang) => deps.messages.t(lang, id, { title: publication.clip.title, target: publication.target, ...extra })),
  );
}
