// `npm run db:migrate` applies migrations; `npm run db:diff -- <name>` writes the next one.
import { exit, loadCliConfig, prepareDatabase } from '../src/cli/bootstrap.js';
import { applyMigrations, writeNextMigration } from '../src/data/schema-engine.js';

const [command, name] = process.argv.slice(2);
const { DATABASE_URL } = loadCliConfig();
await prepareDatabase(DATABASE_URL, { migrate: false });

if (command === 'deploy') {
  const applied = await applyMigrations(DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} else if (command === 'diff' && name) {
  const folder = await writeNextMigration(DATABASE_URL, name);
  console.log(folder ? `Wrote ${folder}/migration.sql` : 'schema.prisma has no changes: no migration written.');
} else {
  console.error('usage: npm run db:migrate | npm run db:diff -- <name>');
  exit(2);
}
// The WASM engine leaves a timer behind (its 10 s lock timeout): exit() does not wait for it.
exit();
