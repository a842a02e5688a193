// Staff accounts, their API tokens (as SHA-256 hashes), password links and console sessions.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { StaffIdentity, StaffRole } from '../domain/staff/staff.js';

const identity = { id: true, name: true, role: true } as const satisfies Record<keyof StaffIdentity, true>;

export function createStaffRepository(prisma: PrismaClient) {
  return {
    async emailTaken(email: string): Promise<boolean> {
      return (await prisma.staff.findUnique({ where: { email }, select: { id: true } })) !== null;
    },

    async create(data: { name: string; email?: string; role: StaffRole; tokenHash: string; passwordHash: string | null; passwordSetupHash: string | null; passwordSetupExpiresAt: Date | null }) {
      return prisma.staff.create({ data, select: identity });
    },

    /** Every account, oldest first, with whether it has chosen a password. */
    async list() {
      const rows = await prisma.staff.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, name: true, email: true, role: true, passwordHash: true, createdAt: true } });
      return rows.map(({ passwordHash, ...row }) => ({ ...row, hasPassword: passwordHash !== null }));
    },

    async findByEmailForSignIn(email: string): Promise<(StaffIdentity & { passwordHash: string | null }) | null> {
      return prisma.staff.findUnique({ where: { email }, select: { ...identity, passwordHash: true } });
    },

    async findByTokenHash(tokenHash: string): Promise<StaffIdentity | null> {
      return prisma.staff.findUnique({ where: { tokenHash }, select: identity });
    },

    /** The account whose unexpired password link has this hash. */
    async findByPasswordSetupHash(setupHash: string, now: Date) {
      return prisma.staff.findFirst({ where: { passwordSetupHash: setupHash, passwordSetupExpiresAt: { gt: now } }, select: { id: true, email: true } });
    },

    /** Sets the password while the link is still the account's; spends the link and ends every session. */
    async setPasswordFromLink(staffId: string, setupHash: string, passwordHash: string): Promise<boolean> {
      const changed = await prisma.staff.updateMany({
        where: { id: staffId, passwordSetupHash: setupHash },
        data: { passwordHash, passwordSetupHash: null, passwordSetupExpiresAt: null },
      });
      await prisma.staffSession.deleteMany({ where: { staffId } });
      return changed.count === 1;
    },

    async createSession(session: { tokenHash: string; staffId: string; expiresAt: Date }): Promise<void> {
      await prisma.staffSession.create({ data: session });
    },

    async deleteSessionsExpiredBefore(now: Date): Promise<void> {
      await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
    },

    async findSession(tokenHash: string): Promise<{ expiresAt: Date; staff: StaffIdentity } | null> {
      return prisma.staffSession.findUnique({ where: { tokenHash }, select: { expiresAt: true, staff: { select: identity } } });
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await prisma.staffSession.deleteMany({ where: { tokenHash } });
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
