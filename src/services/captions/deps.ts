// What the captions use cases are built from; each takes the part it needs.
import type { CaptionRepository } from '../../data/caption-repository.js';
import type { Queues } from '../../jobs/queues.js';
import type { Logger } from '../../logger.js';
import type { MediaBinaries } from '../../media/binaries.js';
import type { Metrics } from '../../observability/metrics.js';

export interface CaptionDeps {
  captions: CaptionRepository;
  queues: Queues;
  mediaDir: string;
  binaries: MediaBinaries;
  logger: Logger;
  encode: { preset: string; threads: number };
  /** Where /media/ is served from, for absolute URLs (PUBLIC_URL); relative URLs without it. */
  publicUrl?: string;
  /** Tells watchers (the staff console) that a clip changed. */
  announce?: (clipId: string) => Promise<void>;
  /** The burned video is there: publications that waited for it go now. */
  onBurned?: (clipId: string) => Promise<void>;
  /** ffmpeg's seconds go here (GET /metrics). */
  metrics?: Pick<Metrics, 'ffmpegRan'>;
}

export { mediaUrl } from '../clips/clip-files.js';
