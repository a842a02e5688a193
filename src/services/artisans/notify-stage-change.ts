// The notifications worker's job: every notification of one stage change still to send (or left mid-send).
import { deliverNotification, type DeliveryDeps } from './deliver-notification.js';

export async function notifyStageChange(deps: DeliveryDeps, eventId: string): Promise<void> {
  const pending = await deps.artisans.undeliveredNotificationIds(eventId);
  const failures: unknown[] = [];
  for (const notificationId of pending) await deliverNotification(deps, { notificationId, from: 'pending' }).catch((error) => failures.push(error));
  if (failures.length) throw failures[0];
}
