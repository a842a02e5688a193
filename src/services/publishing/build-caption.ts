// A vlog's caption, with its English line through the translation service (cached); a caption without
// that line is better than a post that waits for Google.
import { composeCaption, englishSource, shorten, type CaptionInput } from '../../domain/publishing/caption.js';
import type { PublishingServiceDeps } from './deps.js';

export async function buildCaption(deps: Pick<PublishingServiceDeps, 'translator' | 'publicUrl' | 'logger'>, input: CaptionInput): Promise<string> {
  return composeCaption(input, await englishLine(deps, input), deps.publicUrl);
}

async function englishLine(deps: Pick<PublishingServiceDeps, 'translator' | 'logger'>, input: CaptionInput): Promise<string | undefined> {
  if (!deps.translator) return undefined;
  try {
    return shorten((await deps.translator.translate(englishSource(input), 'en', 'vi')).text, 300);
  } catch (error) {
    deps.logger.warn({ err: error }, 'caption: no English line (translation failed)');
    return undefined;
  }
}
