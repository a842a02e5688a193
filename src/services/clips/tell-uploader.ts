// The staff member who sent a clip from Telegram hears how it ended: ready, rejected (and why), or failed.
import type { ClipRepository } from '../../data/clip-repository.js';
import type { StaffChatRepository } from '../../data/staff-chat-repository.js';
import type { Logger } from '../../logger.js';
import type { Messages } from '../../i18n/messages.js';

export interface TellUploaderDeps {
  clips: ClipRepository;
  staffChats: StaffChatRepository;
  messages: Messages;
  send: (chatId: string, text: string) => Promise<void>;
  logger: Logger;
}

export async function tellUploader(deps: TellUploaderDeps, clipId: string): Promise<void> {
  const clip = await deps.clips.findOutcome(clipId);
  if (!clip?.notifyChatId) return;
  const chat = await deps.staffChats.find(clip.notifyChatId);
  const lang = chat?.lang ?? 'vi';
  const t = (id: string, args: Record<string, string | number>) => deps.messages.t(lang, id, args);
  let text: string;
  if (clip.state === 'ready') {
    const renditions = clip.renditions
      .map((r) => r.kind)
      .sort((a, b) => parseInt(b) - parseInt(a))
      .join(', ');
    text = t('clip-ready', { title: clip.title, renditions });
  } else if (clip.state === 'rejected') {
    const reason = clip.reason ?? { code: 'unreadable' };
    text = t('clip-rejected-notice', { title: clip.title, reason: t('clip-rejected', { code: reason.code, ...reason.args }) });
  } else if (clip.state === 'failed') {
    text = t('clip-failed-notice', { title: clip.title });
  } else {
    return;
  }
  // A notice that cannot be delivered must not fail the clip's job.
  await deps.send(clip.notifyChatId, text).catch((error) => deps.logger.warn({ err: error, clipId }, 'could not tell the uploader'));
}
