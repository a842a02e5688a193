// A Zalo follower stops new vlogs; what was held for them is not sent any more. True when they were subscribed.
import type { PublishingServiceDeps } from './deps.js';

export async function unsubscribeFromVlogs(deps: Pick<PublishingServiceDeps, 'vlogSubscribers'>, userId: string): Promise<boolean> {
  return deps.vlogSubscribers.unsubscribe(userId);
}
