// Sets the password through the one-time link; the link is spent and every session of the account ends.
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken } from '../../domain/staff/staff.js';
import { checkPasswordRules, hashPassword } from './passwords.js';
import { findPasswordLink } from './find-password-link.js';

export async function setPasswordByLink(deps: { staff: StaffRepository }, input: { link: string; password: string }): Promise<boolean> {
  checkPasswordRules(input.password);
  const staff = await findPasswordLink(deps, input.link);
  if (!staff) return false;
  const passwordHash = await hashPassword(input.password);
  return deps.staff.setPasswordFromLink(staff.id, hashToken(input.link), passwordHash);
}
