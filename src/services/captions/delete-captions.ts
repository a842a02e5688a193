// Staff take a language's captions off a clip: the row, the file and the video burned from them.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaptionLang } from '../../domain/captions/parse-captions.js';
import { notFound } from '../../errors.js';
import { burnedFileName, captionsFileName, clipMediaPath } from './caption-files.js';
import type { CaptionDeps } from './deps.js';

export async function deleteCaptions(deps: Pick<CaptionDeps, 'captions' | 'mediaDir' | 'announce'>, clipId: string, lang: CaptionLang) {
  if (!(await deps.captions.clipBurnChoice(clipId))) throw notFound('clip');
  if (!(await deps.captions.delete(clipId, lang))) throw notFound(`${lang} captions`);
  // Rows first: nobody is offered a track whose file is already gone.
  for (const file of [captionsFileName(lang), burnedFileName(lang)]) await rm(join(deps.mediaDir, clipMediaPath(clipId, file)), { force: true });
  await deps.announce?.(clipId);
}
