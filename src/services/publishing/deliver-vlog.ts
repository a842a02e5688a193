// Zalo followers who asked for new vlogs get each one as a message (poster, title, a link to its page).
// Zalo lets an OA write only inside a user's reply window, and there is no paid broadcast here: a
// delivery that may not go now is held and goes with the answer to the user's next message. Each
// delivery moves pending → sending → sent (or held, failed), claimed by a conditional update, so none
// goes twice; one whose sender died mid-send stays "sending" rather than being sent again.
import type { Lang } from '../../i18n/messages.js';
import { PermanentDeliveryError } from '../../domain/publishing/vlog-messenger.js';
import { describeVlog } from './describe-vlog.js';
import type { PublishingServiceDeps } from './deps.js';

export type DeliveryDeps = Pick<PublishingServiceDeps, 'publications' | 'vlogSubscribers' | 'vlogMessenger' | 'publicUrl' | 'logger'>;

/** Sends one delivery (or holds it, or fails it for good), if nobody else has claimed it. */
export async function deliverVlog(deps: DeliveryDeps, deliveryId: string, from: 'pending' | 'held'): Promise<void> {
  // Someone else is sending it, or it went: never twice. (One left "sending" by a dead process stays so.)
  if (!(await deps.vlogSubscribers.claimDelivery(deliveryId, from))) return;
  const delivery = await deps.vlogSubscribers.getDelivery(deliveryId);
  const subscriber = await deps.vlogSubscribers.findSubscriber(delivery.userId);
  if (!subscriber || !deps.vlogMessenger) {
    await deps.vlogSubscribers.settleDelivery(deliveryId, { status: 'failed', error: subscriber ? 'Zalo is not configured' : 'unsubscribed' });
    return;
  }
  try {
    const lang = (subscriber.lang === 'en' ? 'en' : 'vi') as Lang;
    const outcome = await deps.vlogMessenger(delivery.userId, { ...(await describeVlog(deps, delivery.publicationId, lang)), lang });
    await deps.vlogSubscribers.settleDelivery(deliveryId, outcome === 'sent' ? { status: 'sent', sentAt: new Date() } : { status: 'held' });
  } catch (error) {
    const permanent = error instanceof PermanentDeliveryError;
    // Not sent: a later run (or the user's next message) tries again, unless it can never work.
    await deps.vlogSubscribers.settleDelivery(deliveryId, { status: permanent ? 'failed' : from, error: (error as Error).message.slice(0, 300) });
    deps.logger.warn({ deliveryId, err: error }, 'vlog delivery failed');
  }
}
