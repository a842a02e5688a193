// Console sign-ins: email and password checked against the scrypt hash; a session is a random token in
// an httpOnly cookie, kept in PostgreSQL only as its SHA-256, so signing out (or a new password) ends it.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { hashToken, identity, type StaffIdentity } from './staff-tokens.js';

export const SESSION_HOURS = 12;

export async function signIn(prisma: PrismaClient, email: string, password: string): Promise<StaffIdentity | null> {
  const staff = await prisma.staff.findUnique({ where: { email: email.trim().toLowerCase() }, select: { ...identity, passwordHash: true } });
  const ok = await verifyPassword(password, staff?.passwordHash ?? (await decoyHash()));
  return ok && staff?.passwordHash ? { id: staff.id, name: staff.name, role: staff.role } : null;
}

export async function createSession(prisma: PrismaClient, staffId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await prisma.staffSession.create({ data: { tokenHash: hashToken(token), staffId, expiresAt } });
  // Old sessions of anyone are swept as new ones start.
  await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return { token, expiresAt };
}

export async function findSession(prisma: PrismaClient, token: string): Promise<StaffIdentity | null> {
  if (token.length > 100) return null;
  const session = await prisma.staffSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, staff: { select: identity } },
  });
  return session && session.expiresAt > new Date() ? session.staff : null;
}

export async function endSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.staffSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}
