// content/learned.yaml: the phrasings staff taught the bot, written for review by `npm run content:learned`.
// What the file already holds is kept; a phrasing taught since (the same words after folding) replaces its line.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { stringify, parse } from 'yaml';
import { fold } from '../ask/normalize.js';
import { learnedSchema, type LearnedEntry } from './schema.js';
import { z } from 'zod';

const HEADER = [
  '# Phrasings staff taught the bot (the console\'s insights page), for review: merged into git, they are part of',
  '# the handbook. Each is {text, target: {type: village|craft|product|route, id}} or {text, target: {intent}}',
  '# (intent: help, out-of-scope, nearby, route, recognition). Written by `npm run content:learned`; see README.md.',
  '',
].join('\n');

/** The file's phrasings and the taught ones, one per folded text (the taught one wins), in the file's order then the new ones. */
export function mergeLearned(existing: LearnedEntry[], taught: LearnedEntry[]): { entries: LearnedEntry[]; added: number; changed: number } {
  const merged = new Map<string, LearnedEntry>(existing.map((e) => [fold(e.text), e]));
  let added = 0;
  let changed = 0;
  for (const entry of taught) {
    const key = fold(entry.text);
    const before = merged.get(key);
    if (!before) added++;
    else if (JSON.stringify(before.target) !== JSON.stringify(entry.target)) changed++;
    merged.set(key, { text: entry.text, target: entry.target });
  }
  return { entries: [...merged.values()], added, changed };
}

export const learnedYaml = (entries: LearnedEntry[]): string =>
  HEADER + (entries.length ? stringify(entries.map(({ text, target }) => ({ text, target })), { lineWidth: 0, flowCollectionPadding: true }) : '[]\n');

/** Reads the file's phrasings (none when it does not exist); a file that does not fit throws (check it with content:check). */
export function readLearnedFile(path: string): LearnedEntry[] {
  if (!existsSync(path)) return [];
  return z.array(learnedSchema).parse(parse(readFileSync(path, 'utf8')) ?? []);
}

/** Writes the merged list over the file, through a temporary file so a reader never sees half of it. */
export function writeLearnedFile(path: string, taught: LearnedEntry[]): { total: number; added: number; changed: number } {
  const { entries, added, changed } = mergeLearned(readLearnedFile(path), taught);
  writeFileSync(`${path}.tmp`, learnedYaml(entries));
  renameSync(`${path}.tmp`, path);
  return { total: entries.length, added, changed };
}
