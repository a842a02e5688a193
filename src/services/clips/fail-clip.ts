// A clip whose processing ran out of retries is recorded as failed, with what went wrong in words staff
// may see, and its uploader is told.
import type { ClipRepository } from '../../data/clip-repository.js';
import type { Rejection } from '../../media/assess.js';
import { failureDetail } from '../../media/ffmpeg-failure.js';
import { ClipProcessingError } from './clip-errors.js';
import type { Announce } from './deps.js';

export interface FailDeps {
  clips: ClipRepository;
  mediaDir: string;
  announce?: Announce;
  /** Takes secrets out of text that is kept or shown (ffmpeg's output of a failure). */
  scrub?: (text: string) => string;
  /** Tells the staff member who sent the clip from a chat how it ended. */
  tellUploader?: (clipId: string) => Promise<void>;
}

export async function failClip(deps: FailDeps, clipId: string, error: Error): Promise<void> {
  // Kept with the clip and shown to staff: paths outside MEDIA_DIR and secrets taken out.
  const shown = failureDetail(error.message, { mediaDir: deps.mediaDir, scrub: deps.scrub });
  const detail = error instanceof ClipProcessingError ? error.detail : undefined;
  await markClipFailed(deps, clipId, 'failed', shown, undefined, detail);
  await deps.tellUploader?.(clipId);
}

/** Records a final failure: rejected for bad input (with its reason), failed when retries ran out. */
export async function markClipFailed(
  deps: Pick<FailDeps, 'clips' | 'announce'>,
  clipId: string,
  state: 'rejected' | 'failed',
  error: string,
  reason?: Rejection,
  detail?: string,
) {
  await deps.clips.markFailed(clipId, { state, error: error.slice(0, 500), detail: detail ?? null, reason });
  await deps.announce?.(clipId);
}
