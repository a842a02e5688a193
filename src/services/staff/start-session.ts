// A console session: a random token for an httpOnly cookie, kept in PostgreSQL only as its SHA-256, so
// signing out (or a new password) ends it.
import { randomBytes } from 'node:crypto';
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken } from '../../domain/staff/staff.js';

export const SESSION_HOURS = 12;

export async function startSession(deps: { staff: StaffRepository }, staffId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await deps.staff.createSession({ tokenHash: hashToken(token), staffId, expiresAt });
  // Old sessions of anyone are swept as new ones start.
  await deps.staff.deleteSessionsExpiredBefore(new Date());
  return { token, expiresAt };
}
