// The staff member who sent a clip from Telegram hears how it ended: ready, rejected (and why), or failed.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { Rejection } from '../../media/assess.js';

export interface TellUploaderDeps {
  prisma: PrismaClient;
  messages: Messages;
  send: (chatId: string, text: string) => Promise<void>;
  logger: Logger;
}

export async function tellUploader(deps: TellUploaderDeps, clipId: string): Promise<void> {
  const clip = await deps.prisma.clip.findUnique({ where: { id: clipId }, include: { renditions: { where: { mimeType: 'video/mp4' } } } });
  if (!clip?.notifyChatId) return;
  const chat = await deps.prisma.staffChat.findUnique({ where: { chatId: clip.notifyChatId } });
  const lang = (chat?.lang ?? 'vi') as Lang;
  const t = (id: string, args: Record<string, string | number>) => deps.messages.t(lang, id, args);
  let text: string;
  if (clip.state === 'ready') {
    const renditions = clip.renditions.map((r) => r.kind).sort((a, b) => parseInt(b) - parseInt(a)).join(', ');
    text = t('clip-ready', { title: clip.title, renditions });
  } else if (clip.state === 'rejected') {
    const reason = (clip.reason as Rejection | null) ?? { code: 'unreadable' };
    text = t('clip-rejected-notice', { title: clip.title, reason: t('clip-rejected', { code: reason.code, ...reason.args }) });
  } else if (clip.state === 'failed') {
    text = t('clip-failed-notice', { title: clip.title });
  } else {
    return;
  }
  // A notice that cannot be delivered must not fail the clip's job.
  await deps.send(clip.notifyChatId, text).catch((error) => deps.logger.warn({ err: error, clipId }, 'could not tell the uploader'));
}
