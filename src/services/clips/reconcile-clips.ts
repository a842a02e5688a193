// PostgreSQL is the truth, Redis the queue: run at start and every few minutes, this puts back the jobs
// of clips the queue has lost (Redis flushed or restarted), and sweeps what dead jobs left on disk, so a
// clip never stays "queued" or "processing" forever.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClipRepository } from '../../data/clip-repository.js';
import type { Logger } from '../../logger.js';
import { enqueueClipProcessing, jobIdFor, type Queues } from '../../jobs/queues.js';
import { uploadsDir } from './clip-files.js';

export interface ReconcileDeps {
  clips: ClipRepository;
  queues: Queues;
  mediaDir: string;
  logger: Logger;
}

/** Clips waiting or processing without a live job get one again; returns how many. */
export async function reconcileClips(deps: ReconcileDeps, options: { quietForMs: number }): Promise<number> {
  const clips = await deps.clips.findInFlightUnchangedSince(new Date(Date.now() - options.quietForMs), 500);
  let requeued = 0;
  for (const clip of clips) {
    const job = await deps.queues.clipProcessing.getJob(jobIdFor['clip-processing']({ clipId: clip.id }));
    const state = job ? await job.getState() : 'missing';
    if (['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'].includes(state)) continue;
    if (job && state === 'failed') {
      await job.retry();
    } else {
      // Lost with Redis, or finished without the clip recorded: queue it afresh.
      if (job) await job.remove().catch(() => {});
      await deps.clips.requeue(clip.id);
      await enqueueClipProcessing(deps.queues, clip.id);
    }
    requeued++;
    deps.logger.warn({ clipId: clip.id, was: clip.state, job: state }, 'clip job put back in the queue');
  }
  return requeued;
}

const olderThan = async (path: string, ms: number) => Date.now() - (await stat(path)).mtimeMs > ms;

/** Removes temporary files no live job can still be writing. */
export async function sweepMedia(deps: ReconcileDeps, options: { tmpAgeMs: number; uploadAgeMs: number }): Promise<number> {
  let removed = 0;
  const processing = new Set(await deps.clips.processingIds());
  const clipsDir = join(deps.mediaDir, 'clips');
  for (const clipId of await readdir(clipsDir).catch(() => [] as string[])) {
    for (const name of await readdir(join(clipsDir, clipId)).catch(() => [] as string[])) {
      const path = join(clipsDir, clipId, name);
      if (!name.startsWith('tmp-') || processing.has(clipId) || !(await olderThan(path, options.tmpAgeMs).catch(() => false))) continue;
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  // Multipart uploads that never finished, and resumable ones abandoned for longer than they may resume.
  for (const [dir, age] of [
    [uploadsDir(deps.mediaDir), options.tmpAgeMs],
    [join(deps.mediaDir, 'tus'), options.uploadAgeMs],
  ] as const) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      if (!(await olderThan(path, age).catch(() => false))) continue;
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
