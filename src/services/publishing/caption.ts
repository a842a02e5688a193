// A vlog's caption on the channel, at most 1,024 characters: the title and text in Vietnamese, one line in
// English (through the translation service, cached), the village with a link to its handbook page, and
// hashtags. The description is what gets shortened when it does not fit.
import type { Translator } from '../../channels/google/translator.js';
import type { Logger } from '../../logger.js';

export const CAPTION_LIMIT = 1024;

export interface CaptionInput {
  title: string;
  description?: string | null;
  tags: string[];
  village?: { id: string; nameVi: string; nameEn: string; crafts: string[] } | null;
}

export interface CaptionDeps {
  translator?: Translator;
  publicUrl?: string;
  logger: Logger;
}

/** "#BátTràng": words joined, letters and digits only, so Telegram links the whole tag. */
export function hashtag(text: string): string | undefined {
  const words = text.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return undefined;
  return `#${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`;
}

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).replace(/\s+\S*$/, '')}…`);

export async function buildCaption(deps: CaptionDeps, input: CaptionInput): Promise<string> {
  const english = await englishLine(deps, input);
  const villageLine = input.village
    ? `📍 ${input.village.nameVi}${deps.publicUrl ? `: ${deps.publicUrl.replace(/\/$/, '')}/villages/${input.village.id}` : ''}`
    : undefined;
  const tags = [...new Set(['#LangNgheHaNoi', hashtag(input.village?.nameVi ?? ''), ...input.village?.crafts.map(hashtag) ?? [], ...input.tags.map(hashtag)].filter(Boolean))].join(' ');
  const tail = [english ? `🇬🇧 ${english}` : undefined, villageLine, tags].filter(Boolean).join('\n');
  const head = shorten(input.title.trim(), 200);
  // What is left after the title, the tail and the blank lines between them goes to the description.
  const room = CAPTION_LIMIT - head.length - tail.length - 4;
  const description = input.description?.trim() ? shorten(input.description.trim(), room) : '';
  return [head, description, tail].filter(Boolean).join('\n\n').slice(0, CAPTION_LIMIT);
}

async function englishLine(deps: CaptionDeps, input: CaptionInput): Promise<string | undefined> {
  if (!deps.translator) return undefined;
  const firstSentence = input.description?.trim().split(/(?<=[.!?])\s/)[0];
  const text = [input.title.trim(), firstSentence].filter(Boolean).join('. ');
  try {
    return shorten((await deps.translator.translate(text, 'en', 'vi')).text, 300);
  } catch (error) {
    // A caption without its English line is better than a post that waits for Google.
    deps.logger.warn({ err: error }, 'caption: no English line (translation failed)');
    return undefined;
  }
}
