// Who an API token belongs to. Tokens are random, shown once and stored only as a hash.
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken, type StaffIdentity } from '../../domain/staff/staff.js';

export async function findStaffByToken(deps: { staff: StaffRepository }, token: string): Promise<StaffIdentity | null> {
  if (!token.startsWith('lns_') || token.length > 200) return null;
  return deps.staff.findByTokenHash(hashToken(token));
}
