// Reads content/ and validates every file; each problem is reported with its file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { villageSchema, type VillageEntry } from './schema.js';

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'ContentError';
  }
}

export interface Handbook {
  villages: VillageEntry[];
}

interface ParsedFile {
  path: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function parseFile(path: string, shownPath: string, problems: ContentProblem[]): ParsedFile | null {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      problems.push({ file: shownPath, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? error.message });
    }
    return null;
  }
  return { path: shownPath, doc, lines };
}

/** The line of the deepest node the issue's path still reaches. */
function lineOf(file: ParsedFile, path: PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = file.doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return 1;
}

function validate<T>(file: ParsedFile, schema: z.ZodType<T>, problems: ContentProblem[]): T | null {
  const result = schema.safeParse(file.doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    problems.push({ file: file.path, line: lineOf(file, issue.path), message: `${where}${issue.message}` });
  }
  return null;
}

/** Loads and validates the whole handbook; throws ContentError listing every problem found. */
export function loadHandbook(contentDir: string): Handbook {
  const problems: ContentProblem[] = [];
  const villages: VillageEntry[] = [];
  const seen = new Map<string, string>();
  for (const path of yamlFiles(join(contentDir, 'villages'))) {
    const shown = relative(process.cwd(), path);
    const file = parseFile(path, shown, problems);
    const village = file && validate(file, villageSchema, problems);
    if (!file || !village) continue;
    const expectedId = path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (village.id !== expectedId) {
      problems.push({ file: shown, line: lineOf(file, ['id']), message: `id "${village.id}" differs from the file name "${expectedId}"` });
    }
    const first = seen.get(village.id);
    if (first) problems.push({ file: shown, line: lineOf(file, ['id']), message: `duplicate id "${village.id}" (also in ${first})` });
    seen.set(village.id, shown);
    villages.push(village);
  }
  if (problems.length) throw new ContentError(problems);
  return { villages };
}

/** A digest of every file under content/, so start-up can skip an import when nothing changed. */
export function hashContent(contentDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(contentDir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(contentDir);
  return hash.digest('hex');
}
