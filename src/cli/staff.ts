// `npm run staff -- add <name>`: creates a staff account and prints its API token as the last line.
import { loadConfig } from '../config.js';
import { createPrisma, ensureDatabase } from '../data/database.js';
import { applyMigrations } from '../data/schema-engine.js';
import { addStaff } from '../services/staff/staff-tokens.js';

const [command, ...rest] = process.argv.slice(2);
const name = rest.join(' ').trim();
if (command !== 'add' || !name) {
  console.error('usage: npm run staff -- add <name>');
  process.exit(2);
}
const config = loadConfig();
await ensureDatabase(config.DATABASE_URL);
await applyMigrations(config.DATABASE_URL);
const prisma = createPrisma(config.DATABASE_URL);
try {
  const staff = await addStaff(prisma, name);
  console.log(`Staff "${name}" added (id ${staff.id}). Their API token, shown only now:`);
  console.log(staff.token);
} finally {
  await prisma.$disconnect();
}
// The migration engine leaves a timer behind; a finished command need not wait for it.
process.exit(0);
