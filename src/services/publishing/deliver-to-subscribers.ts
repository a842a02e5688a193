// A new vlog on the Zalo target: a delivery row for every subscriber (once), then each sent or held.
import { deliverVlog, type DeliveryDeps } from './deliver-vlog.js';

/** Returns how many subscribers there are. */
export async function deliverToSubscribers(deps: DeliveryDeps, publicationId: string): Promise<number> {
  const subscribers = await deps.vlogSubscribers.addDeliveries(publicationId);
  const pending = await deps.vlogSubscribers.listPending(publicationId);
  // One at a time: Zalo answers quickly, and its own limit is per OA.
  for (const id of pending) await deliverVlog(deps, id, 'pending');
  return subscribers;
}
