// Where a clip's files live: MEDIA_DIR/clips/<clip id>/.
import { join } from 'node:path';

export const clipDir = (mediaDir: string, clipId: string) => join(mediaDir, 'clips', clipId);
export const uploadsDir = (mediaDir: string) => join(mediaDir, 'uploads');
/** /media/<path>, absolute with PUBLIC_URL, relative without it. */
export const mediaUrl = (deps: { publicUrl?: string }, path: string) => `${deps.publicUrl ? deps.publicUrl.replace(/\/$/, '') : ''}/media/${path}`;
export const sourceFile = (mediaDir: string, clipId: string, extension: string) => join(clipDir(mediaDir, clipId), `source${extension}`);
