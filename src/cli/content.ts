// `npm run content:check` validates content/; `npm run content:import` loads it into PostgreSQL.
import { loadConfig } from '../config.js';
import { ContentError, loadHandbook } from '../content/load.js';
import { describeImport, importContent } from '../content/import.js';
import { createPrisma, ensureDatabase } from '../data/database.js';
import { applyMigrations } from '../data/schema-engine.js';

const command = process.argv[2];
const config = loadConfig();
const dir = process.argv[3] ?? config.CONTENT_DIR;

try {
  if (command === 'check') {
    const handbook = loadHandbook(dir);
    const { villages, crafts, products, places, routes, plan } = handbook;
    console.log(
      `${dir}: OK — ${villages.length} villages, ${crafts.length} crafts, ${products.length} products, ${places.length} places, ${routes.length} routes, ${plan.length} plan targets.`,
    );
  } else if (command === 'import') {
    await ensureDatabase(config.DATABASE_URL);
    await applyMigrations(config.DATABASE_URL);
    const prisma = createPrisma(config.DATABASE_URL);
    try {
      console.log(describeImport(await importContent(prisma, dir)));
    } finally {
      await prisma.$disconnect();
    }
  } else {
    console.error('usage: npm run content:check | npm run content:import');
    process.exit(2);
  }
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`${error.problems.length} problem(s) in ${dir}:\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
// The migration engine leaves a timer behind; a finished command need not wait for it.
process.exit(0);
