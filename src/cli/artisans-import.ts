// `npm run artisans:import <file.csv>`: applicants and applications from a spreadsheet, all or nothing;
// every bad line is reported with its number.
import { readFileSync } from 'node:fs';
import { StageBook } from '../services/artisans/stages.js';
import { CsvImportError, csvColumns, importArtisansCsv } from '../services/artisans/import-csv.js';
import { exit, loadCliConfig, openDatabase } from './bootstrap.js';

const file = process.argv[2];
if (!file) {
  console.error(`usage: npm run artisans:import <file.csv>\ncolumns: ${csvColumns.join(', ')}`);
  process.exit(2);
}
const config = loadCliConfig();
const { repos, close } = await openDatabase(config);
let code = 0;
try {
  const handbook = await repos.handbook.load();
  const result = await importArtisansCsv(
    { artisans: repos.artisans, stages: StageBook.from(handbook) },
    { actor: { id: 'cli', name: `artisans:import ${file}` }, csv: readFileSync(file, 'utf8') },
  );
  console.log(`Imported ${result.applications} application(s); ${result.applicants} new applicant(s).`);
} catch (error) {
  if (!(error instanceof CsvImportError)) throw error;
  console.error(`${file}: nothing imported, ${error.problems.length} problem(s):\n${error.message}`);
  code = 1;
} finally {
  await close();
}
exit(code);
