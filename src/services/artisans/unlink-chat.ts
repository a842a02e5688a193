// "Forget me": the chat's link to a record goes; true when there was one.
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { ChatIdentity } from '../../domain/artisans/chat-link.js';

export async function unlinkChat(deps: { artisans: ArtisanRepository }, who: ChatIdentity): Promise<boolean> {
  return deps.artisans.unlinkChat(who);
}
