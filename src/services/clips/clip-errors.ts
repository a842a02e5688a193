// How processing a clip can end badly: the file is bad (rejected, retrying cannot help), or processing
// failed (worth retrying).
import type { Rejection } from '../../media/assess.js';

export class ClipRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(`rejected: ${rejection.code}`);
    this.name = 'ClipRejectedError';
  }
}

/** Processing failed (worth retrying): `detail` is ffmpeg's last lines, scrubbed, kept with the clip. */
export class ClipProcessingError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'ClipProcessingError';
  }
}
