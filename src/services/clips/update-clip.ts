// Staff correct a clip's title, village, description or tags; only the fields given change. Captions
// already sent keep their words; the vlog pages show the new ones at once.
import type { ClipRepository } from '../../data/clip-repository.js';
import { AppError, notFound } from '../../errors.js';
import { enqueueCaptionBurn, type Queues } from '../../jobs/queues.js';
import type { Announce } from './deps.js';

export interface ClipChanges {
  title?: string;
  /** A handbook village id; null or '' takes the village off. */
  village?: string | null;
  description?: string | null;
  tags?: string[];
  /** Captions burned into the Telegram video: "vi", "en", or null for none. */
  burnCaptions?: 'vi' | 'en' | null;
}

export async function updateClip(deps: { clips: ClipRepository; queues?: Queues; announce?: Announce }, clipId: string, changes: ClipChanges) {
  const village = changes.village === undefined ? undefined : changes.village || null;
  if (village && !(await deps.clips.villageExists(village))) {
    throw new AppError('unknown_village', `village: no village "${village}" in the handbook`);
  }
  const changed = await deps.clips.updateDetails(clipId, {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(village !== undefined ? { villageId: village } : {}),
    ...(changes.description !== undefined ? { description: changes.description || null } : {}),
    ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
    ...(changes.burnCaptions !== undefined ? { burnCaptions: changes.burnCaptions } : {}),
  });
  if (!changed) throw notFound('clip');
  // The captions job burns them if the clip is ready and has them; otherwise it finds nothing to do.
  if (changes.burnCaptions && deps.queues) await enqueueCaptionBurn(deps.queues, clipId);
  await deps.announce?.(clipId);
}
