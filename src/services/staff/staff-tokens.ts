// Staff API tokens: random, shown once, stored only as a SHA-256 hash (they are long and random, so a
// slow password hash adds nothing), looked up by that hash.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function addStaff(prisma: PrismaClient, name: string): Promise<{ id: string; token: string }> {
  const token = `lns_${randomBytes(32).toString('base64url')}`;
  const staff = await prisma.staff.create({ data: { name, tokenHash: hashToken(token) } });
  return { id: staff.id, token };
}

export async function findStaffByToken(prisma: PrismaClient, token: string) {
  if (!token.startsWith('lns_') || token.length > 200) return null;
  return prisma.staff.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, name: true } });
}
