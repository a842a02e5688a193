// One-time codes that link a chat to an applicant: read out over the phone and printed, kept only as a hash.
import { createHash, randomInt } from 'node:crypto';

export const LINK_CODE_TTL_MS = 7 * 24 * 3600 * 1000;
// No 0/O or 1/I: codes are read out over the phone and printed.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh code, like "K7QD-M3XA". */
export function newLinkCode(): string {
  const raw = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** The same hash however the code was typed: case, spaces and dashes do not matter. */
export const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');
