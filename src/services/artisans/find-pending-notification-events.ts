// Stage changes with notifications still waiting a while after the change: the reconciler queues them again.
import type { ArtisanRepository } from '../../data/artisan-repository.js';

export async function findPendingNotificationEvents(deps: { artisans: ArtisanRepository }, input: { olderThanMs?: number } = {}): Promise<string[]> {
  return deps.artisans.eventsPendingSince(new Date(Date.now() - (input.olderThanMs ?? 30_000)));
}
