// Zalo notifications still waiting (held for the user's reply window, or pending), for staff to see.
import type { ArtisanRepository } from '../../data/artisan-repository.js';

export async function listWaitingNotifications(deps: { artisans: ArtisanRepository }) {
  return deps.artisans.listWaitingZaloNotifications();
}
