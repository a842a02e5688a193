// Links a chat to an applicant by a one-time code: single use, expiring, compared as a hash in constant
// time, and 5 wrong tries per chat per hour.
import { timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import type { Lang } from '../../i18n/messages.js';
import type { ChatIdentity, LinkResult } from '../../domain/artisans/chat-link.js';
import { hashCode } from '../../domain/artisans/link-code.js';

export const MAX_WRONG_TRIES = 5;

export interface LinkByCodeDeps {
  artisans: ArtisanRepository;
  /** Counts each chat's tries. */
  redis: Redis;
  keyPrefix: string;
}

export async function linkChatByCode(deps: LinkByCodeDeps, input: { who: ChatIdentity; code: string; lang: Lang }): Promise<LinkResult> {
  const { who, lang } = input;
  const tries = `${deps.keyPrefix}:link-tries:${who.channel}:${who.chatId}`;
  // Counted before the code is looked at: the sixth try in the hour is refused whatever it is.
  const count = await deps.redis.incr(tries);
  if (count === 1) await deps.redis.expire(tries, 3600);
  if (count > MAX_WRONG_TRIES) return { ok: false, reason: 'locked' };
  const hash = hashCode(input.code);
  const row = await deps.artisans.findLinkCodeByHash(hash);
  const matches = row !== null && timingSafeEqual(Buffer.from(row.codeHash), Buffer.from(hash));
  if (!row || !matches || row.usedAt || row.expiresAt < new Date()) return { ok: false, reason: 'refused' };
  // Single use, even when two chats race with the same code.
  if (!(await deps.artisans.claimLinkCode(row.id))) return { ok: false, reason: 'refused' };
  await deps.artisans.linkChat(who, row.applicantId, lang);
  await deps.redis.del(tries);
  return { ok: true, name: row.applicant.name };
}
