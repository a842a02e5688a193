// A new staff account with its API token (shown once); with an email but no password, a one-time link
// to choose one.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { StaffRepository } from '../../data/staff-repository.js';
import { hashToken, type StaffRole } from '../../domain/staff/staff.js';
import { checkPasswordRules, hashPassword } from './passwords.js';

const PASSWORD_LINK_HOURS = 72;

export interface AddStaffInput {
  name: string;
  email?: string;
  role?: StaffRole;
  password?: string;
}

export async function addStaff(deps: { staff: StaffRepository }, input: AddStaffInput): Promise<{ id: string; token: string; passwordLink?: string }> {
  if (input.password !== undefined) checkPasswordRules(input.password);
  const email = input.email?.trim().toLowerCase();
  if (email && (await deps.staff.emailTaken(email))) throw new AppError('exists', `There is already an account for ${email}.`);
  const token = `lns_${randomBytes(32).toString('base64url')}`;
  // Without a password, the account gets a one-time link to choose one.
  const passwordLink = email && input.password === undefined ? randomBytes(24).toString('base64url') : undefined;
  const staff = await deps.staff.create({
    name: input.name,
    email,
    role: input.role ?? 'editor',
    tokenHash: hashToken(token),
    passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
    passwordSetupHash: passwordLink ? hashToken(passwordLink) : null,
    passwordSetupExpiresAt: passwordLink ? new Date(Date.now() + PASSWORD_LINK_HOURS * 3600_000) : null,
  });
  return { id: staff.id, token, passwordLink };
}
