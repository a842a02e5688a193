// `npm run content:learned [file]`: writes every phrasing taught in the console to content/learned.yaml (or the
// file given) for review, beside what the file already holds; `npm run content:check` then validates it.
import { join } from 'node:path';
import { writeLearnedFile } from '../content/learned-file.js';
import { exit, loadCliConfig, openDatabase } from './bootstrap.js';

const config = loadCliConfig();
const path = process.argv[2] ?? join(config.CONTENT_DIR, 'learned.yaml');
const { repos, close } = await openDatabase(config);
try {
  const taught = await repos.learnedPhrasings.all();
  const { total, added, changed } = writeLearnedFile(path, taught);
  console.log(`${path}: ${total} phrasing(s), ${added} added and ${changed} changed from the ${taught.length} taught in the console.`);
} finally {
  await close();
}
exit();
