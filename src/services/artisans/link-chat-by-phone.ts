// Links a Telegram chat by the user's shared contact: accepted only when it is the sender's own number.
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { Lang } from '../../i18n/messages.js';
import type { ChatIdentity, LinkResult } from '../../domain/artisans/chat-link.js';
import { normalizePhone } from './phone.js';

export async function linkChatByPhone(
  deps: { artisans: ArtisanRepository },
  input: { who: ChatIdentity; phone: string; own: boolean; lang: Lang },
): Promise<LinkResult> {
  if (!input.own) return { ok: false, reason: 'not_own' };
  const normalised = normalizePhone(input.phone);
  const applicant = normalised ? await deps.artisans.findApplicantByPhone(normalised) : null;
  if (!applicant) return { ok: false, reason: 'refused' };
  await deps.artisans.linkChat(input.who, applicant.id, input.lang);
  return { ok: true, name: applicant.name };
}
