// Staff accounts, API tokens, password links and console sessions, bound to their repository.
import type { StaffRepository } from '../../data/staff-repository.js';
import { addStaff, type AddStaffInput } from './add-staff.js';
import { endSession } from './end-session.js';
import { findPasswordLink } from './find-password-link.js';
import { findSession } from './find-session.js';
import { findStaffByToken } from './find-staff-by-token.js';
import { listStaff } from './list-staff.js';
import { setPasswordByLink } from './set-password-by-link.js';
import { signIn } from './sign-in.js';
import { startSession } from './start-session.js';

export interface StaffServiceDeps {
  staff: StaffRepository;
}

export function createStaffService(deps: StaffServiceDeps) {
  return {
    add: (input: AddStaffInput) => addStaff(deps, input),
    list: () => listStaff(deps),
    findByToken: (token: string) => findStaffByToken(deps, token),
    findPasswordLink: (link: string) => findPasswordLink(deps, link),
    setPasswordByLink: (input: { link: string; password: string }) => setPasswordByLink(deps, input),
    signIn: (input: { email: string; password: string }) => signIn(deps, input),
    startSession: (staffId: string) => startSession(deps, staffId),
    findSession: (token: string) => findSession(deps, token),
    endSession: (token: string) => endSession(deps, token),
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
