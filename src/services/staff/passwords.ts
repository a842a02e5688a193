// Console passwords, hashed with scrypt from node:crypto (OWASP's parameters: N=2^17, r=8, p=1) and a
// random salt; stored as "scrypt$N$r$p$salt$hash" so the parameters can grow without breaking old hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../errors.js';

const N = 2 ** 17;
const r = 8;
const p = 1;
export const MIN_PASSWORD_LENGTH = 10;

export function checkPasswordRules(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 200) throw new AppError('weak_password', 'A password may have at most 200 characters.');
}

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    // 128 · N · r bytes of memory, plus headroom.
    scrypt(password.normalize('NFC'), salt, 32, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) => (error ? reject(error) : resolve(key))),
  );

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(rr), p: Number(pp) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;
/** A hash of nothing anyone knows: checked when the email is unknown, so both cases take as long. */
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));
