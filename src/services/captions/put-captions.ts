// Staff attach captions in one language (SRT or WebVTT): checked first, then written as WebVTT next to the
// renditions (a temporary name renamed into place: never half a file) and recorded. Captions the clip asks
// to burn into its Telegram video get the captions job.
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCaptions, type CaptionLang } from '../../domain/captions/parse-captions.js';
import { notFound } from '../../errors.js';
import { enqueueCaptionBurn } from '../../jobs/queues.js';
import { captionsFileName, burnedFileName, clipMediaPath } from './caption-files.js';
import { mediaUrl, type CaptionDeps } from './deps.js';

/** The file cannot be used: `line` is where the first problem is. */
export class BadCaptionsError extends Error {
  name = 'BadCaptionsError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export async function putCaptions(
  deps: Pick<CaptionDeps, 'captions' | 'queues' | 'mediaDir' | 'publicUrl' | 'announce' | 'logger'>,
  input: { clipId: string; lang: CaptionLang; body: Uint8Array },
) {
  const clip = await deps.captions.clipBurnChoice(input.clipId);
  if (!clip) throw notFound('clip');
  const parsed = parseCaptions(input.body);
  if (!parsed.ok) throw new BadCaptionsError(parsed.line, `line ${parsed.line}: ${parsed.message}`);

  const path = clipMediaPath(input.clipId, captionsFileName(input.lang));
  const final = join(deps.mediaDir, path);
  const temp = `${final}.tmp-${randomUUID()}`;
  try {
    await writeFile(temp, parsed.vtt, { flag: 'wx' });
    await rename(temp, final);
  } finally {
    await rm(temp, { force: true });
  }
  const bytes = Buffer.byteLength(parsed.vtt);
  const created = await deps.captions.put(input.clipId, { lang: input.lang, path, bytes, cues: parsed.cues });
  // The video burned from the earlier captions is out of date (its row went with the put above).
  await rm(join(deps.mediaDir, clipMediaPath(input.clipId, burnedFileName(input.lang))), { force: true });
  if (clip.burnCaptions === input.lang) await enqueueCaptionBurn(deps.queues, input.clipId);
  await deps.announce?.(input.clipId);
  deps.logger.info({ clipId: input.clipId, lang: input.lang, cues: parsed.cues, from: parsed.format }, 'captions stored');
  return { created, captions: { lang: input.lang, cues: parsed.cues, bytes, url: mediaUrl(deps, path) } };
}
