// A clip goes with its files, its processing job and its publications not yet sent. One that has been
// published (or may have been: "unknown") goes only when staff confirm: the channel's post stays where
// it is, but its vlog page and feed entry go.
import { rm } from 'node:fs/promises';
import type { ClipRepository } from '../../data/clip-repository.js';
import { AppError, notFound } from '../../errors.js';
import { jobIdFor, type Queues } from '../../jobs/queues.js';
import { clipDir } from './clip-files.js';

const SENT = ['published', 'publishing', 'unknown'] as const;

export async function deleteClip(
  deps: { clips: ClipRepository; queues: Queues; mediaDir: string },
  clipId: string,
  options: { confirmPublished?: boolean } = {},
) {
  const clip = await deps.clips.findWithPublicationStates(clipId);
  if (!clip) throw notFound('clip');
  const sent = clip.publications.filter((p) => (SENT as readonly string[]).includes(p.state));
  if (sent.length && !options.confirmPublished) {
    throw new AppError(
      'published',
      `The clip has been published (${sent.length} publication(s)); deleting it takes its vlog page down but not the posts already sent. Confirm to delete it.`,
    );
  }
  // Jobs first, so no worker starts on what is about to go.
  // (An active job is locked and stays; it finds no row and stops.)
  const drop = async (job: { remove(): Promise<unknown> } | undefined) => job?.remove().catch(() => {});
  await drop(await deps.queues.clipProcessing.getJob(jobIdFor['clip-processing']({ clipId })));
  await drop(await deps.queues.captions.getJob(jobIdFor.captions({ clipId })));
  for (const p of clip.publications) await drop(await deps.queues.publishing.getJob(jobIdFor.publishing({ publicationId: p.id })));
  // The row (and its renditions and publications, by cascade) before the files: nobody is served a
  // rendition whose file is already gone.
  await deps.clips.delete(clipId);
  await rm(clipDir(deps.mediaDir, clipId), { recursive: true, force: true });
}
