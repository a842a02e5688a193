// A Zalo follower asks for new vlogs (or changes their language); true when they were not subscribed.
import type { Lang } from '../../i18n/messages.js';
import type { PublishingServiceDeps } from './deps.js';

export async function subscribeToVlogs(deps: Pick<PublishingServiceDeps, 'vlogSubscribers'>, userId: string, lang: Lang): Promise<boolean> {
  return deps.vlogSubscribers.subscribe(userId, lang);
}
