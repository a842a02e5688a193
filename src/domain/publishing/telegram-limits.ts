// What the Telegram channel can take: checked when scheduling, and again when publishing.

/** The cloud Bot API takes uploads up to 50 MB; a local-mode Bot API server up to 2000 MB. */
export const TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024;

/** A photo's or video's caption: 0–1024 characters (a message's text: 4096). */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Why the channel cannot take this clip, or undefined. */
export function telegramProblem(
  channel: { configured: boolean; localMode: boolean },
  clip: { telegramFileId: string | null; renditions: Array<{ kind: string; bytes: bigint }> },
): string | undefined {
  if (!channel.configured) return 'No channel to publish to: set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID.';
  const video = clip.renditions.find((r) => r.kind === '720p');
  if (!video) return 'The clip has no 720p rendition.';
  if (!clip.telegramFileId && !channel.localMode && video.bytes > BigInt(TELEGRAM_UPLOAD_LIMIT)) {
    const mb = Math.ceil(Number(video.bytes) / 1024 / 1024);
    return `The 720p video is ${mb} MB; Telegram's cloud Bot API takes uploads of at most 50 MB. Run a local Bot API server (TELEGRAM_API_ROOT, TELEGRAM_LOCAL_MODE=true) or shorten the clip.`;
  }
  return undefined;
}
