// The user wrote: their window is open, so what was held for them goes now.
import { deliverVlog, type DeliveryDeps } from './deliver-vlog.js';

export async function deliverHeldVlogs(deps: DeliveryDeps, userId: string): Promise<void> {
  for (const { id, status } of await deps.vlogSubscribers.listWaitingFor(userId)) await deliverVlog(deps, id, status);
}
