// `npm run content:check` validates content/; `npm run content:import` loads it into PostgreSQL.
import { ContentError, loadHandbook } from '../content/load.js';
import { describeImport, importContent } from '../content/import.js';
import { exit, loadCliConfig, openDatabase } from './bootstrap.js';

const command = process.argv[2];
const config = loadCliConfig();
const dir = process.argv[3] ?? config.CONTENT_DIR;

try {
  if (command === 'check') {
    const handbook = loadHandbook(dir);
    const { villages, crafts, products, places, routes, plan, learned } = handbook;
    console.log(
      `${dir}: OK — ${villages.length} villages, ${crafts.length} crafts, ${products.length} products, ${places.length} places, ${routes.length} routes, ${plan.length} plan targets, ${learned.length} learned phrasings.`,
    );
  } else if (command === 'import') {
    const { repos, close } = await openDatabase(config);
    try {
      console.log(describeImport(await importContent(repos, dir)));
    } finally {
      await close();
    }
  } else {
    console.error('usage: npm run content:check | npm run content:import');
    exit(2);
  }
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`${error.problems.length} problem(s) in ${dir}:\n${error.message}`);
    exit(1);
  }
  throw error;
}
exit();
