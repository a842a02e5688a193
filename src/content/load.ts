// Reads content/ and validates every file, then every reference between files; each problem is
// reported with its file and line, and all of them at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { fold } from '../ask/normalize.js';
import { z } from 'zod';
import {
  craftSchema,
  elsewhereSchema,
  guideSchema,
  learnedSchema,
  planTargetSchema,
  stagesFileSchema,
  placeSchema,
  productFileSchema,
  productSchema,
  routeSchema,
  villageSchema,
  type CraftEntry,
  type ElsewhereEntry,
  type GuideEntry,
  type LearnedEntry,
  type StagesFile,
  type PlaceEntry,
  type PlanTargetEntry,
  type ProductEntry,
  type RouteEntry,
  type VillageEntry,
} from './schema.js';

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
  crafts: CraftEntry[];
  products: Array<ProductEntry & { village: string }>;
  places: PlaceEntry[];
  routes: RouteEntry[];
  plan: PlanTargetEntry[];
  elsewhere: ElsewhereEntry[];
  /** The stages of each kind of application (stages.yaml). */
  stages: StagesFile | null;
  /** Answers to the rules questions artisans ask (guides.yaml). */
  guides: GuideEntry[];
  /** Phrasings staff taught the bot, reviewed and merged (learned.yaml, written by `npm run content:learned`). */
  learned: LearnedEntry[];
}

type Path = PropertyKey[];

interface ParsedFile {
  path: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Where an entry came from, so later checks can point at its line. */
interface Located<T> {
  value: T;
  file: ParsedFile;
  path: Path;
}

class Collector {
  readonly problems: ContentProblem[] = [];

  add(file: ParsedFile, path: Path, message: string) {
    this.problems.push({ file: file.path, line: lineOf(file, path), message });
  }
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

function parseFile(path: string, problems: ContentProblem[]): ParsedFile | null {
  const shown = relative(process.cwd(), path) || path;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      problems.push({ file: shown, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? error.message });
    }
    return null;
  }
  return { path: shown, doc, lines };
}

/** The line of the deepest node the path still reaches. */
function lineOf(file: ParsedFile, path: Path): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = file.doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return 1;
}

function validate<T>(file: ParsedFile, schema: z.ZodType<T>, found: Collector): T | null {
  const result = schema.safeParse(file.doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    found.add(file, issue.path, `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return null;
}

const stem = (path: string) => basename(path).replace(/\.ya?ml$/, '');

/**
 * Entries that failed validation still count as known ids (by the id they give, or their file name),
 * so one broken village file is reported once, not again by every route and product that names it.
 */
type Known = Set<string>;

function rawId(value: unknown): string | undefined {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** One entry per file, named by its id (villages, routes). */
function loadEntryFiles<T extends { id: string }>(dir: string, schema: z.ZodType<T>, found: Collector, known: Known): Located<T>[] {
  const entries: Located<T>[] = [];
  for (const path of yamlFiles(dir)) {
    known.add(stem(path));
    const file = parseFile(path, found.problems);
    const value = file && validate(file, schema, found);
    if (!file || !value) continue;
    if (value.id !== stem(path)) found.add(file, ['id'], `id "${value.id}" differs from the file name "${stem(path)}"`);
    entries.push({ value, file, path: [] });
  }
  return entries;
}

/** Each item of a list validated on its own, so one bad item does not hide the others. */
function validateItems<T>(file: ParsedFile, items: unknown, at: Path, schema: z.ZodType<T>, found: Collector, known: Known): Located<T>[] {
  if (!Array.isArray(items)) {
    found.add(file, at, `${at.length ? `${at.join('.')}: ` : ''}expected a list`);
    return [];
  }
  const entries: Located<T>[] = [];
  items.forEach((item, index) => {
    const id = rawId(item);
    if (id) known.add(id);
    const result = schema.safeParse(item);
    if (result.success) entries.push({ value: result.data, file, path: [...at, index] });
    else for (const issue of result.error.issues) found.add(file, [...at, index, ...issue.path], `${[...at, index, ...issue.path].join('.')}: ${issue.message}`);
  });
  return entries;
}

/** A list of entries in one file (crafts.yaml, plan.yaml, places/*.yaml). */
function loadListFile<T>(path: string, schema: z.ZodType<T>, found: Collector, known: Known, required: boolean): Located<T>[] {
  try {
    statSync(path);
  } catch {
    if (required) found.problems.push({ file: relative(process.cwd(), path) || path, line: 1, message: 'file is missing' });
    return [];
  }
  const file = parseFile(path, found.problems);
  return file ? validateItems(file, file.doc.toJS(), [], schema, found, known) : [];
}

function checkUnique(kind: string, entries: Located<{ id: string }>[], found: Collector) {
  const seen = new Map<string, string>();
  for (const { value, file, path } of entries) {
    const first = seen.get(value.id);
    if (first) found.add(file, [...path, 'id'], `duplicate ${kind} id "${value.id}" (first in ${first})`);
    else seen.set(value.id, `${file.path}:${lineOf(file, [...path, 'id'])}`);
  }
}

function checkRef(found: Collector, known: Set<string>, kind: string, id: string | undefined, file: ParsedFile, path: Path) {
  if (id !== undefined && !known.has(id)) found.add(file, path, `unknown ${kind} "${id}"`);
}

/** Loads and validates the whole handbook; throws ContentError listing every problem found. */
export function loadHandbook(contentDir: string): Handbook {
  const found = new Collector();
  const known = { villages: new Set<string>(), crafts: new Set<string>(), places: new Set<string>(), routes: new Set<string>(), other: new Set<string>() };
  const villages = loadEntryFiles(join(contentDir, 'villages'), villageSchema, found, known.villages);
  const routes = loadEntryFiles(join(contentDir, 'routes'), routeSchema, found, known.routes);
  const crafts = loadListFile(join(contentDir, 'crafts.yaml'), craftSchema, found, known.crafts, true);
  const plan = loadListFile(join(contentDir, 'plan.yaml'), planTargetSchema, found, known.other, false);
  const elsewhere = loadListFile(join(contentDir, 'elsewhere.yaml'), elsewhereSchema, found, known.other, false);
  const guides = loadListFile(join(contentDir, 'guides.yaml'), guideSchema, found, known.other, false);
  const learned = loadListFile(join(contentDir, 'learned.yaml'), learnedSchema, found, new Set(), false);
  const stagesPath = join(contentDir, 'stages.yaml');
  const stagesFile = yamlFiles(contentDir).includes(stagesPath) ? parseFile(stagesPath, found.problems) : null;
  const stages = stagesFile ? validate(stagesFile, stagesFileSchema, found) : null;
  const places = yamlFiles(join(contentDir, 'places')).flatMap((path) => loadListFile(path, placeSchema, found, known.places, true));
  const products: Located<ProductEntry & { village: string }>[] = [];
  for (const path of yamlFiles(join(contentDir, 'products'))) {
    const file = parseFile(path, found.problems);
    if (!file) continue;
    const raw = file.doc.toJS() as { village?: unknown; products?: unknown } | null;
    const header = z.object({ village: productFileSchema.shape.village }).safeParse(raw ?? {});
    for (const key of Object.keys(raw ?? {})) {
      if (key !== 'village' && key !== 'products') found.add(file, [key], `unknown key "${key}" (a products file has village and products)`);
    }
    if (!header.success) {
      found.add(file, ['village'], `village: ${header.error.issues[0]?.message ?? 'missing'}`);
      continue;
    }
    const village = header.data.village;
    // products/<village>.yaml or products/<village>.<anything>.yaml
    if (stem(path).split('.')[0] !== village) found.add(file, ['village'], `village "${village}" differs from the file name "${basename(path)}"`);
    for (const entry of validateItems(file, raw?.products, ['products'], productSchema, found, known.other)) {
      products.push({ ...entry, value: { ...entry.value, village } });
    }
  }

  for (const [kind, entries] of [['village', villages], ['craft', crafts], ['product', products], ['place', places], ['route', routes], ['plan target', plan], ['elsewhere', elsewhere], ['guide', guides]] as const) {
    checkUnique(kind, entries, found);
  }
  const { villages: villageIds, crafts: craftIds, places: placeIds } = known;
  for (const { value, file } of villages) {
    value.crafts.forEach((craft, i) => checkRef(found, craftIds, 'craft', craft, file, ['crafts', i]));
  }
  for (const { value, file, path } of products) {
    checkRef(found, villageIds, 'village', value.village, file, ['village']);
    checkRef(found, craftIds, 'craft', value.craft, file, [...path, 'craft']);
    value.places.forEach((place, i) => checkRef(found, placeIds, 'place', place, file, [...path, 'places', i]));
  }
  for (const { value, file, path } of places) {
    value.villages.forEach((village, i) => checkRef(found, villageIds, 'village', village, file, [...path, 'villages', i]));
  }
  for (const { value, file } of routes) {
    value.stops.forEach((stop, i) => {
      checkRef(found, villageIds, 'village', stop.village, file, ['stops', i, 'village']);
      checkRef(found, placeIds, 'place', stop.place, file, ['stops', i, 'place']);
    });
  }

  const productIds = new Set(products.map((p) => p.value.id));
  const learnedSeen = new Map<string, number>();
  for (const { value, file, path } of learned) {
    const folded = fold(value.text);
    if (!folded) found.add(file, [...path, 'text'], 'the text has no letters or digits');
    else if (learnedSeen.has(folded)) found.add(file, [...path, 'text'], `the same phrasing as line ${learnedSeen.get(folded)}`);
    else learnedSeen.set(folded, lineOf(file, [...path, 'text']));
    if ('type' in value.target) {
      const ids = { village: villageIds, craft: craftIds, product: productIds, route: known.routes }[value.target.type];
      checkRef(found, ids, value.target.type, value.target.id, file, [...path, 'target', 'id']);
    }
  }

  // The same problem reached twice (a products file with two bad entries names its village once).
  const problems = [...new Map(found.problems.map((p) => [`${p.file}:${p.line}:${p.message}`, p])).values()];
  if (problems.length) throw new ContentError(problems);
  const values = <T>(entries: Located<T>[]) => entries.map((e) => e.value);
  return {
    villages: values(villages),
    crafts: values(crafts),
    products: values(products),
    places: values(places),
    routes: values(routes),
    plan: values(plan),
    elsewhere: values(elsewhere),
    stages,
    guides: values(guides),
    learned: values(learned),
  };
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
