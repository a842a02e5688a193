// The applicant a chat is linked to, if any.
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { ChatIdentity } from '../../domain/artisans/chat-link.js';

export async function findChatLink(deps: { artisans: ArtisanRepository }, who: ChatIdentity) {
  return deps.artisans.findChatLink(who);
}
