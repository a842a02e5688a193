// What the Telegram channel can take: checked when scheduling, and again when publishing.

/** The cloud Bot API takes uploads up to 50 MB; a local-mode Bot API server up to 2000 MB. */
export const TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024;

/** A photo's or video's caption: 0–1024 characters (a message's text: 4096). */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** The rendition kind of the 720p with captions `lang` burned in. */
export const burnedCaptionsKind = (lang: string) => `720p-captions-${lang}`;

export interface ChannelClip<R extends { kind: string }> {
  telegramFileId: string | null;
  renditions: R[];
  /** The captions language to burn in ("vi" | "en"), and the languages the clip has captions in. */
  burnCaptions?: string | null;
  captions?: Array<{ lang: string }>;
}

/**
 * The video the channel gets: the 720p with the clip's captions burned in when it asks for them and has
 * them (`burned`), else the plain 720p; "burning" while the burned one is still being made; undefined
 * without a 720p. Telegram's file_id is the plain 720p's: a burned video is always uploaded.
 */
export function channelVideo<R extends { kind: string }>(clip: ChannelClip<R>): { video: R; burned: boolean } | 'burning' | undefined {
  const plain = clip.renditions.find((r) => r.kind === '720p');
  if (!plain) return undefined;
  const lang = clip.burnCaptions;
  if (!lang || !clip.captions?.some((c) => c.lang === lang)) return { video: plain, burned: false };
  const burned = clip.renditions.find((r) => r.kind === burnedCaptionsKind(lang));
  return burned ? { video: burned, burned: true } : 'burning';
}

/** Why the channel cannot take this clip, or undefined. */
export function telegramProblem(channel: { configured: boolean; localMode: boolean }, clip: ChannelClip<{ kind: string; bytes: bigint }>): string | undefined {
  if (!channel.configured) return 'No channel to publish to: set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID.';
  const chosen = channelVideo(clip);
  if (!chosen) return 'The clip has no 720p rendition.';
  // Still being burned: its size is checked when it is sent; the plain 720p's meanwhile.
  const { video, burned } = chosen === 'burning' ? { video: clip.renditions.find((r) => r.kind === '720p')!, burned: true } : chosen;
  const byFileId = Boolean(clip.telegramFileId) && !burned;
  if (!byFileId && !channel.localMode && video.bytes > BigInt(TELEGRAM_UPLOAD_LIMIT)) {
    const mb = Math.ceil(Number(video.bytes) / 1024 / 1024);
    return `The ${burned ? '720p video with captions' : '720p video'} is ${mb} MB; Telegram's cloud Bot API takes uploads of at most 50 MB. Run a local Bot API server (TELEGRAM_API_ROOT, TELEGRAM_LOCAL_MODE=true) or shorten the clip.`;
  }
  return undefined;
}
