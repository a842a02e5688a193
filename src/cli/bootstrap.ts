// The start every command-line tool shares: the configuration (its problems named, as `npm start` does),
// the database created and migrated, Prisma and the repositories; and the exit at the end.
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { Repositories } from '../data/repositories.js';

/** The configuration; when it is wrong, every bad key is named and the command ends with 1. */
export function loadCliConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Creates the database when it does not exist yet and, unless told not to, applies the migrations; gives those applied. */
export async function prepareDatabase(databaseUrl: string, options: { migrate?: boolean } = {}): Promise<string[]> {
  // Loaded only by commands that use the database: the migration engine takes a second to load.
  const [{ ensureDatabase }, { applyMigrations }] = await Promise.all([import('../data/database.js'), import('../data/schema-engine.js')]);
  await ensureDatabase(databaseUrl);
  return options.migrate === false ? [] : applyMigrations(databaseUrl);
}

/** The database prepared, and the repositories over one Prisma client; `close()` disconnects it. */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL'>): Promise<{ repos: Repositories; close(): Promise<void> }> {
  await prepareDatabase(config.DATABASE_URL);
  const [{ createPrisma }, { createRepositories }] = await Promise.all([import('../data/database.js'), import('../data/repositories.js')]);
  const prisma = createPrisma(config.DATABASE_URL);
  return { repos: createRepositories(prisma), close: () => prisma.$disconnect() };
}

/** Ends the command, with process.exitCode unless given a code. The migration engine leaves a timer behind; a finished command need not wait for it. */
export function exit(code?: number): never {
  process.exit(code ?? process.exitCode ?? 0);
}
