// The Official Account's token pair (one row): the access token and its single-use refresh token.
import type { PrismaClient } from '../generated/prisma/client.js';

const ROW = 'oa';
const columns = { accessToken: true, refreshToken: true, accessExpiresAt: true, refreshExpiresAt: true, status: true, updatedAt: true } as const;

export interface StoredZaloTokens {
  accessToken: string;
  refreshToken: string | null;
  accessExpiresAt: Date;
  refreshExpiresAt: Date | null;
  /** ok, or reauthorize when the refresh token no longer works (an admin must run zalo:connect). */
  status: string;
  updatedAt: Date;
}

export function createZaloTokenRepository(prisma: PrismaClient) {
  return {
    find(): Promise<StoredZaloTokens | null> {
      return prisma.zaloToken.findUnique({ where: { id: ROW }, select: columns });
    },

    /** Stores a pair only when none is stored yet; gives the stored one either way. */
    async seed(tokens: { accessToken: string; refreshToken: string | null; accessExpiresAt: Date }): Promise<StoredZaloTokens> {
      // ON CONFLICT DO NOTHING: the first events after a start seed at once, and an upsert fails all but one (P2002).
      await prisma.zaloToken.createMany({ data: [{ id: ROW, ...tokens }], skipDuplicates: true });
      return prisma.zaloToken.findUniqueOrThrow({ where: { id: ROW }, select: columns });
    },

    async save(tokens: { accessToken: string; refreshToken: string; accessExpiresAt: Date; refreshExpiresAt: Date; status: string }): Promise<void> {
      await prisma.zaloToken.upsert({ where: { id: ROW }, create: { id: ROW, ...tokens }, update: tokens });
    },

    async markReauthorize(): Promise<void> {
      await prisma.zaloToken.update({ where: { id: ROW }, data: { status: 'reauthorize' } });
    },
  };
}

export type ZaloTokenRepository = ReturnType<typeof createZaloTokenRepository>;
