// Who a console session cookie belongs to, while the session has not expired.
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken, type StaffIdentity } from '../../domain/staff/staff.js';

export async function findSession(deps: { staff: StaffRepository }, token: string): Promise<StaffIdentity | null> {
  if (token.length > 100) return null;
  const session = await deps.staff.findSession(hashToken(token));
  return session && session.expiresAt > new Date() ? session.staff : null;
}
