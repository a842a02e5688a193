// A vlog's caption on the channel, at most 1,024 characters: the title and text in Vietnamese, one line in
// English, the village with a link to its handbook page, and hashtags. The description is what gets
// shortened when it does not fit.

export const CAPTION_LIMIT = 1024;

/** Whatever translates the English line (Google Translate, cached). */
export interface CaptionTranslator {
  translate(text: string, target: string, source?: string): Promise<{ text: string }>;
}

export interface CaptionInput {
  title: string;
  description?: string | null;
  tags: string[];
  village?: { id: string; nameVi: string; nameEn: string; crafts: string[] } | null;
}

/** "#BátTràng": words joined, letters and digits only, so Telegram links the whole tag. */
export function hashtag(text: string): string | undefined {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!words.length) return undefined;
  return `#${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`;
}

export const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).replace(/\s+\S*$/, '')}…`);

/** What goes to translation for the English line: the title and the description's first sentence. */
export function englishSource(input: CaptionInput): string {
  const firstSentence = input.description?.trim().split(/(?<=[.!?])\s/)[0];
  return [input.title.trim(), firstSentence].filter(Boolean).join('. ');
}

export function composeCaption(input: CaptionInput, english: string | undefined, publicUrl: string | undefined): string {
  const villageLine = input.village
    ? `📍 ${input.village.nameVi}${publicUrl ? `: ${publicUrl.replace(/\/$/, '')}/villages/${input.village.id}` : ''}`
    : undefined;
  const tags = [
    ...new Set(
      ['#LangNgheHaNoi', hashtag(input.village?.nameVi ?? ''), ...(input.village?.crafts.map(hashtag) ?? []), ...input.tags.map(hashtag)].filter(Boolean),
    ),
  ].join(' ');
  const tail = [english ? `🇬🇧 ${english}` : undefined, villageLine, tags].filter(Boolean).join('\n');
  const head = shorten(input.title.trim(), 200);
  // What is left after the title, the tail and the blank lines between them goes to the description.
  const room = CAPTION_LIMIT - head.length - tail.length - 4;
  const description = input.description?.trim() ? shorten(input.description.trim(), room) : '';
  return [head, description, tail].filter(Boolean).join('\n\n').slice(0, CAPTION_LIMIT);
}
