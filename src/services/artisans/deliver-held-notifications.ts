// Held notifications of a Zalo user, sent now that they wrote (their reply window is open again).
import { deliverNotification, type DeliveryDeps } from './deliver-notification.js';

export async function deliverHeldNotifications(deps: DeliveryDeps, input: { channel: 'zalo'; chatId: string }): Promise<void> {
  const held = await deps.artisans.heldNotificationIds(input);
  for (const notificationId of held) await deliverNotification(deps, { notificationId, from: 'held' });
}
