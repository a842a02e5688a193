// Whether PostgreSQL answers, for /healthz.
import type { PrismaClient } from '../generated/prisma/client.js';

export function createHealthRepository(prisma: PrismaClient) {
  return {
    async ping(): Promise<void> {
      await prisma.$queryRaw`SELECT 1`;
    },
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
