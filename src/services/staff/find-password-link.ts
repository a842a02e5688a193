// The account a password link belongs to, while the link is unused and fresh.
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken } from '../../domain/staff/staff.js';

export async function findPasswordLink(deps: { staff: StaffRepository }, link: string): Promise<{ id: string; email: string | null } | null> {
  if (link.length > 100) return null;
  return deps.staff.findByPasswordSetupHash(hashToken(link), new Date());
}
