// Where a clip's captions and its burned video live, next to its renditions: MEDIA_DIR/clips/<clip id>/.
import { join } from 'node:path';

export const captionsFileName = (lang: string) => `captions-${lang}.vtt`;
export const burnedFileName = (lang: string) => `720p-captions-${lang}.mp4`;
/** Relative to MEDIA_DIR, as rows keep paths. */
export const clipMediaPath = (clipId: string, file: string) => join('clips', clipId, file);
