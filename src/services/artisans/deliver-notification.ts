// Sends one notification of a stage change to its chat, in the chat's language, at most once:
// pending (or held) → sending → sent. Zalo only lets us write within a user's reply window: outside it
// the notification is held. A sender that dies mid-send leaves "unknown" (shown to staff) rather than
// sending twice.
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { PermanentSendError, type NotificationSenders } from '../../domain/artisans/notification-senders.js';
import type { StageBook } from './stages.js';

export interface DeliveryDeps {
  artisans: ArtisanRepository;
  messages: Messages;
  stages: StageBook;
  senders: NotificationSenders;
  logger: Logger;
}

export async function deliverNotification(deps: DeliveryDeps, input: { notificationId: string; from: 'pending' | 'held' }): Promise<void> {
  const { notificationId, from } = input;
  if (!(await deps.artisans.claimNotification(notificationId, from))) {
    const current = await deps.artisans.notificationStatus(notificationId);
    if (current === 'sending' && from === 'pending') {
      await deps.artisans.setNotificationStatus(notificationId, 'unknown', 'The sender stopped while sending: check with the artisan before sending again.');
    }
    return;
  }
  const n = await deps.artisans.findNotificationToSend(notificationId);
  const lang = (n.chat.lang === 'en' ? 'en' : 'vi') as Lang;
  const text = deps.messages.t(lang, 'notify-stage-change', {
    subject: n.application.subject,
    stage: deps.stages.label(n.application.kind, n.event.stage, lang),
    note: n.event.note && n.event.note !== 'recorded' ? n.event.note : 'none',
  });
  try {
    let outcome: 'sent' | 'held';
    if (n.chat.channel === 'telegram' && deps.senders.telegram) {
      await deps.senders.telegram(n.chat.chatId, text);
      outcome = 'sent';
    } else if (n.chat.channel === 'zalo' && deps.senders.zalo) {
      outcome = await deps.senders.zalo(n.chat.chatId, text);
    } else {
      throw new PermanentSendError(`no ${n.chat.channel} sender configured`);
    }
    if (outcome === 'sent') await deps.artisans.markNotificationSent(n.id);
    else await deps.artisans.setNotificationStatus(n.id, 'held');
  } catch (error) {
    if (error instanceof PermanentSendError) {
      await deps.artisans.setNotificationStatus(n.id, 'failed', error.message);
      deps.logger.warn({ notificationId: n.id, err: error }, 'notification failed');
      return;
    }
    // Nothing was delivered: try again later.
    await deps.artisans.setNotificationStatus(n.id, from, (error as Error).message?.slice(0, 300));
    throw error;
  }
}
