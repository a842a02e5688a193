// The only file that touches Prisma's internal packages: its WASM schema engine applies and writes
// migrations offline (the `prisma` CLI would download a native engine first). Versions are pinned exactly.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type internalsModule from '@prisma/internals';

const require = createRequire(import.meta.url);
/** The project's folder: the nearest one up with prisma/schema.prisma (this file runs from src/ and from dist/src/). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma/schema.prisma'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no prisma/schema.prisma above ${from}`);
  }
}
const root = projectRoot(dirname(new URL(import.meta.url).pathname));
export const schemaPath = join(root, 'prisma/schema.prisma');
export const migrationsDir = join(root, 'prisma/migrations');
const lockfileName = 'migration_lock.toml';
const noFilters = { externalTables: [], externalEnums: [] };

type Engine = Awaited<ReturnType<typeof internalsModule.wasmSchemaEngineLoader.loadSchemaEngine>>;

// @prisma/internals looks for the engine's .wasm in its own build/ folder, which its npm package lacks.
function provideWasm(): void {
  const target = join(dirname(require.resolve('@prisma/internals')), '../build/schema_engine_bg.wasm');
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm'), target);
}

async function withEngine<T>(databaseUrl: string, use: (engine: Engine) => Promise<T>): Promise<T> {
  provideWasm();
  // Loaded only when a migration is to be applied or written: the engine and its internals hold ~100 MB.
  const [{ default: internals }, { bindMigrationAwareSqlAdapterFactory }, { PrismaPg }] = await Promise.all([
    import('@prisma/internals'),
    import('@prisma/driver-adapter-utils'),
    import('@prisma/adapter-pg'),
  ]);
  // Our own pool, ended afterwards: the engine keeps Prisma's migration advisory lock on its session
  // until the connection closes, and the next run would wait 10 s for it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const schema = readFileSync(schemaPath, 'utf8');
  const engine = await internals.wasmSchemaEngineLoader.loadSchemaEngine(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    adapter,
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

function listMigrations() {
  const folders = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = join(migrationsDir, lockfileName);
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: lockfileName,
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: folders.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Whether every migration folder is recorded as applied (finished, not rolled back): then the engine has nothing to do. */
async function allApplied(databaseUrl: string, folders: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ name: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS name`);
    if (!table.rows[0]?.name) return false;
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return folders.every((folder) => applied.has(folder));
  } finally {
    await client.end();
  }
}

/** Applies every migration in prisma/migrations not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrations = listMigrations();
  if (await allApplied(databaseUrl, migrations.migrationDirectories.map((folder) => folder.path))) return [];
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: migrations, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema of the last migration
 * to schema.prisma. Each migration keeps a copy of the schema it produced (schema.prisma beside its SQL,
 * which `prisma migrate deploy` ignores), because the WASM engine cannot introspect a database through the
 * pg adapter. Returns the folder, or null when nothing changed.
 */
export async function writeNextMigration(databaseUrl: string, name: string): Promise<string | null> {
  const schema = readFileSync(schemaPath, 'utf8');
  const last = listMigrations().migrationDirectories.at(-1);
  const previous = last ? join(migrationsDir, last.path, 'schema.prisma') : null;
  if (previous && !existsSync(previous)) throw new Error(`${previous} is missing: cannot tell what changed since ${last!.path}`);
  const sql = await withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: previous ? { tag: 'schemaDatamodel', files: [{ path: previous, content: readFileSync(previous, 'utf8') }] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  });
  if (!sql.trim() || /^-- This is an empty migration\.?$/.test(sql.trim())) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = join(migrationsDir, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_')}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'migration.sql'), sql);
  writeFileSync(join(folder, 'schema.prisma'), schema);
  const lockPath = join(migrationsDir, lockfileName);
  if (!existsSync(lockPath)) {
    writeFileSync(lockPath, '# Please do not edit this file manually\nprovider = "postgresql"\n');
  }
  return folder;
}
