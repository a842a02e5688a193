// Signing out: the session's row goes, so its cookie no longer works anywhere.
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken } from '../../domain/staff/staff.js';

export async function endSession(deps: { staff: StaffRepository }, token: string): Promise<void> {
  await deps.staff.deleteSession(hashToken(token));
}
