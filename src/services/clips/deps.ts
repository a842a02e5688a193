import type { ClipRepository } from '../../data/clip-repository.js';
import type { Logger } from '../../logger.js';
import type { MediaBinaries } from '../../media/binaries.js';
import type { Queues } from '../../jobs/queues.js';

export interface ClipDeps {
  clips: ClipRepository;
  queues: Queues;
  mediaDir: string;
  binaries: MediaBinaries;
  logger: Logger;
}

/** Tells watchers (the staff console) that a clip changed. */
export type Announce = (clipId: string) => Promise<void>;
