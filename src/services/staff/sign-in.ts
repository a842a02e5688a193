// A console sign-in: email and password checked against the scrypt hash, as slowly for an unknown email.
import type { StaffRepository } from '../../data/staff-repository.js';
import type { StaffIdentity } from '../../domain/staff/staff.js';
import { decoyHash, verifyPassword } from './passwords.js';

export async function signIn(deps: { staff: StaffRepository }, input: { email: string; password: string }): Promise<StaffIdentity | null> {
  const staff = await deps.staff.findByEmailForSignIn(input.email.trim().toLowerCase());
  const ok = await verifyPassword(input.password, staff?.passwordHash ?? (await decoyHash()));
  return ok && staff?.passwordHash ? { id: staff.id, name: staff.name, role: staff.role } : null;
}
