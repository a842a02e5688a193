// `npm run artisans:import <file.csv>`: applicants and applications from a spreadsheet, all or nothing;
// every bad line is reported with its number.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { createPrisma, ensureDatabase } from '../data/database.js';
import { applyMigrations } from '../data/schema-engine.js';
import { loadHandbookFromDb } from '../data/handbook-repository.js';
import { StageBook } from '../services/artisans/stages.js';
import { CsvImportError, csvColumns, importArtisansCsv } from '../services/artisans/import-csv.js';

const file = process.argv[2];
if (!file) {
  console.error(`usage: npm run artisans:import <file.csv>\ncolumns: ${csvColumns.join(', ')}`);
  process.exit(2);
}
const config = loadConfig();
await ensureDatabase(config.DATABASE_URL);
await applyMigrations(config.DATABASE_URL);
const prisma = createPrisma(config.DATABASE_URL);
let code = 0;
try {
  const handbook = await loadHandbookFromDb(prisma);
  const result = await importArtisansCsv(prisma, StageBook.from(handbook), { id: 'cli', name: `artisans:import ${file}` }, readFileSync(file, 'utf8'));
  console.log(`Imported ${result.applications} application(s); ${result.applicants} new applicant(s).`);
} catch (error) {
  if (!(error instanceof CsvImportError)) throw error;
  console.error(`${file}: nothing imported, ${error.problems.length} problem(s):\n${error.message}`);
  code = 1;
} finally {
  await prisma.$disconnect();
}
// The migration engine leaves a timer behind; a finished command need not wait for it.
process.exit(code);
