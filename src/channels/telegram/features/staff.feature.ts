// Staff send clips from their phone: a private chat linked with `/staff <api token>` may send a video;
// up to Telegram's 20 MB download limit the bot fetches it (getFile) and it becomes a clip; a larger one
// gets a one-time link to upload it in the console. The caption's first line is its title, a line naming a
// handbook village its village. The worker tells the chat when the clip is ready.
import { createWriteStream } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import type { ReadableStream } from 'node:stream/web';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Composer, type ChatTypeContext } from 'grammy';
import type { BotContext } from '../bot.js';
import { onlyIf } from '../only.js';
import type { Messages } from '../../../i18n/messages.js';
import { clientLanguage } from '../../../conversation/dialogue.js';
import type { ClipService } from '../../../services/clips/clip-service.js';
import type { StaffChatService } from '../../../services/staff-chats/staff-chat-service.js';
import { AppError, type ErrorCode } from '../../../errors.js';

export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

// A refusal of the clip, as the chat says it (the chat edge's wording, as error-status.ts is the HTTP edge's).
const refusalReply: Partial<Record<ErrorCode, { id: string; args: Record<string, string> }>> = {
  not_a_video: { id: 'clip-rejected', args: { code: 'unreadable' } },
};

export interface StaffFeatureDeps {
  clips: Pick<ClipService, 'receivingPath' | 'ingest'>;
  staffChats: Pick<StaffChatService, 'link' | 'find' | 'issueUploadTicket'>;
  messages: Messages;
  token: string;
  apiRoot: string;
  /** The handbook village a caption line names as a whole (its name or id), if exactly one. */
  villageNamed?: (line: string) => { id: string; name: { vi: string; en: string } } | undefined;
}

export function staffFeature(deps: StaffFeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // Only a private chat's /staff command or file comes in here; the visitors' messages pass on at once.
  const privateChats = new Composer<ChatTypeContext<BotContext, 'private'>>();
  const mayBeStaff = (ctx: BotContext): ctx is ChatTypeContext<BotContext, 'private'> =>
    ctx.chat?.type === 'private' && Boolean(ctx.message?.video || ctx.message?.document || ctx.message?.text?.startsWith('/'));
  composer.use(onlyIf(mayBeStaff, privateChats));
  const t = (ctx: BotContext, id: string, args?: Record<string, string | number>) => deps.messages.t(clientLanguage(ctx.from?.language_code), id, args);

  privateChats.command('staff', async (ctx) => {
    const linked = await deps.staffChats.link({ chatId: String(ctx.chat.id), token: ctx.match, lang: clientLanguage(ctx.from.language_code) });
    // The token was sent in a chat message: delete it from the chat whatever happens.
    await ctx.deleteMessage().catch(() => {});
    if (!linked) return ctx.reply(t(ctx, 'staff-link-refused'));
    return ctx.reply(`${t(ctx, 'staff-linked', { name: linked.name })}\n${t(ctx, 'vlog-card-clip-village-how')}`);
  });

  privateChats.on(['message:video', 'message:document'], async (ctx, next) => {
    const media = ctx.message.video ?? ctx.message.document;
    const isVideo = Boolean(ctx.message.video) || media?.mime_type?.startsWith('video/');
    const staffChat = isVideo ? await deps.staffChats.find(String(ctx.chat.id)) : null;
    if (!media || !staffChat) return next();
    const lines = (ctx.message.caption ?? '').trim().split('\n');
    const title = lines[0]!.slice(0, 200) || media.file_name || `Clip ${new Date().toISOString().slice(0, 10)}`;
    // Staff choose the village at upload here as in the console: a caption line of its own names it.
    const village = lines
      .slice(1)
      .map((line) => deps.villageNamed?.(line))
      .find(Boolean);
    const received =
      t(ctx, 'clip-received', { title }) +
      (village ? `\n${t(ctx, 'vlog-card-clip-village', { village: village.name[clientLanguage(ctx.from?.language_code)] })}` : '');
    if ((media.file_size ?? 0) > TELEGRAM_DOWNLOAD_LIMIT) {
      const { link } = await deps.staffChats.issueUploadTicket(staffChat.staffId);
      return ctx.reply(t(ctx, 'clip-too-big-for-telegram', { link }));
    }
    const file = await ctx.api.getFile(media.file_id);
    const tempPath = await deps.clips.receivingPath();
    try {
      if (file.file_path?.startsWith('/')) {
        // A self-hosted Bot API in local mode hands out a path on its own disk.
        await copyFile(file.file_path, tempPath);
      } else {
        // 20 MB at most: two minutes is ample, and a stalled download must not hold the chat forever.
        const response = await fetch(`${deps.apiRoot.replace(/\/$/, '')}/file/bot${deps.token}/${file.file_path}`, { signal: AbortSignal.timeout(120_000) });
        if (!response.ok || !response.body) throw new Error(`Telegram file download failed: HTTP ${response.status}`);
        await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(tempPath));
      }
      const created = await deps.clips.ingest({
        tempPath,
        originalName: media.file_name ?? 'telegram.mp4',
        title,
        village: village?.id,
        staffId: staffChat.staffId,
        notifyChatId: String(ctx.chat.id),
        // Acknowledged before the job is queued: a short clip can be ready within a second, and "ready"
        // must not arrive before "received". A lost acknowledgement does not lose the clip.
        beforeQueue: async () => void (await ctx.reply(received).catch(() => {})),
      });
      if (created.duplicateOf) await ctx.reply(t(ctx, 'clip-duplicate', { title: created.duplicateOf.title }));
    } catch (error) {
      const refusal = error instanceof AppError ? refusalReply[error.code] : undefined;
      if (refusal) return ctx.reply(t(ctx, refusal.id, refusal.args));
      throw error;
    } finally {
      await rm(tempPath, { force: true });
    }
  });
  return composer;
}
