// Staff accounts and their API tokens. Tokens are random, shown once, stored only as a SHA-256 hash
// (they are long and random, so a slow password hash adds nothing) and looked up by that hash.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient, StaffRole } from '../../generated/prisma/client.js';
import { AppError } from '../../errors.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const staffRoles = ['editor', 'admin'] as const satisfies readonly StaffRole[];
export type { StaffRole };
export interface StaffIdentity {
  id: string;
  name: string;
  role: StaffRole;
}
/** The columns a StaffIdentity is read from. */
export const identity = { id: true, name: true, role: true } as const;

const PASSWORD_LINK_HOURS = 72;

export function checkPasswordRules(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 200) throw new AppError('weak_password', 'A password may have at most 200 characters.');
}

export async function addStaff(
  prisma: PrismaClient,
  name: string,
  options: { email?: string; role?: StaffRole; password?: string } = {},
): Promise<{ id: string; token: string; passwordLink?: string }> {
  if (options.password !== undefined) checkPasswordRules(options.password);
  const email = options.email?.trim().toLowerCase();
  if (email && (await prisma.staff.findUnique({ where: { email } }))) throw new AppError('exists', `There is already an account for ${email}.`);
  const token = `lns_${randomBytes(32).toString('base64url')}`;
  // Without a password, the account gets a one-time link to choose one.
  const passwordLink = email && options.password === undefined ? randomBytes(24).toString('base64url') : undefined;
  const staff = await prisma.staff.create({
    data: {
      name,
      email,
      role: options.role ?? 'editor',
      tokenHash: hashToken(token),
      passwordHash: options.password !== undefined ? await hashPassword(options.password) : null,
      passwordSetupHash: passwordLink ? hashToken(passwordLink) : null,
      passwordSetupExpiresAt: passwordLink ? new Date(Date.now() + PASSWORD_LINK_HOURS * 3600_000) : null,
    },
  });
  return { id: staff.id, token, passwordLink };
}

export async function findStaffByToken(prisma: PrismaClient, token: string): Promise<StaffIdentity | null> {
  if (!token.startsWith('lns_') || token.length > 200) return null;
  return prisma.staff.findUnique({ where: { tokenHash: hashToken(token) }, select: identity });
}

/** The account a password link belongs to, while the link is unused and fresh. */
export async function findByPasswordLink(prisma: PrismaClient, link: string) {
  if (link.length > 100) return null;
  return prisma.staff.findFirst({ where: { passwordSetupHash: hashToken(link), passwordSetupExpiresAt: { gt: new Date() } }, select: { id: true, email: true } });
}

/** Sets the password through the one-time link; the link is spent and every session of the account ends. */
export async function setPasswordByLink(prisma: PrismaClient, link: string, password: string): Promise<boolean> {
  checkPasswordRules(password);
  const staff = await findByPasswordLink(prisma, link);
  if (!staff) return false;
  const passwordHash = await hashPassword(password);
  const changed = await prisma.staff.updateMany({
    where: { id: staff.id, passwordSetupHash: hashToken(link) },
    data: { passwordHash, passwordSetupHash: null, passwordSetupExpiresAt: null },
  });
  await prisma.staffSession.deleteMany({ where: { staffId: staff.id } });
  return changed.count === 1;
}
