// A fresh test database for every run, migrated with the same offline runner `npm start` uses.
import { dropDatabase, ensureDatabase } from '../src/data/database.js';
import { applyMigrations } from '../src/data/schema-engine.js';
import { TEST_DATABASE_URL } from './helpers/test-env.js';

export default async function setup() {
  await dropDatabase(TEST_DATABASE_URL);
  await ensureDatabase(TEST_DATABASE_URL);
  await applyMigrations(TEST_DATABASE_URL);
}
