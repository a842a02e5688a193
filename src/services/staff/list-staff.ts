// Every staff account for the console, with whether it has chosen a password (never the hash itself).
import type { StaffRepository } from '../../data/staff-repository.js';

export async function listStaff(deps: { staff: StaffRepository }) {
  return deps.staff.list();
}
