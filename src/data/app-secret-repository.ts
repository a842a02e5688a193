// Secrets the application makes for itself on first start (table app_secrets), kept so every process
// and every restart uses the same value.
import type { PrismaClient } from '../generated/prisma/client.js';

export function createAppSecretRepository(prisma: PrismaClient) {
  const read = async (name: string) => (await prisma.appSecret.findUnique({ where: { name }, select: { value: true } }))?.value;
  return {
    /** The stored value, or `make()`'s stored first: two processes starting at once insert, the first wins, both read it. */
    async getOrCreate(name: string, make: () => string): Promise<string> {
      const existing = await read(name);
      if (existing !== undefined) return existing;
      // INSERT … ON CONFLICT DO NOTHING, then read what won.
      await prisma.appSecret.createMany({ data: [{ name, value: make() }], skipDuplicates: true });
      const stored = await read(name);
      if (stored === undefined) throw new Error(`app secret ${name} could not be stored`);
      return stored;
    },
  };
}

export type AppSecretRepository = ReturnType<typeof createAppSecretRepository>;
