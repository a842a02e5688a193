// Every repository, built on one Prisma client by the composition root. Each aggregate has its own file
// (src/data/<aggregate>-repository.ts); services receive the repositories they need, never the client.
import type { PrismaClient } from '../generated/prisma/client.js';

export function createRepositories(prisma: PrismaClient) {
  return {
    prisma, // TEMPORARY while the services move to repositories; removed when none uses it
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
