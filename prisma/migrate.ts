// `npm run db:migrate` applies migrations; `npm run db:diff -- <name>` writes the next one.
import { loadConfig } from '../src/config.js';
import { ensureDatabase } from '../src/data/database.js';
import { applyMigrations, writeNextMigration } from '../src/data/schema-engine.js';

const [command, name] = process.argv.slice(2);
const { DATABASE_URL } = loadConfig();
await ensureDatabase(DATABASE_URL);

if (command === 'deploy') {
  const applied = await applyMigrations(DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} else if (command === 'diff' && name) {
  const folder = await writeNextMigration(DATABASE_URL, name);
  console.log(folder ? `Wrote ${folder}/migration.sql` : 'schema.prisma has no changes: no migration written.');
} else {
  console.error('usage: npm run db:migrate | npm run db:diff -- <name>');
  process.exit(2);
}
// The WASM engine leaves a timer behind (its 10 s lock timeout); a finished command need not wait for it.
process.exit(0);
