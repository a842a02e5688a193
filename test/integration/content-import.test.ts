// The handbook on the real test database: every class of mistake named with file and line,
// idempotent import, removal, all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, loadHandbook, type ContentProblem } from '../../src/content/load.js';
import { importContent, kinds } from '../../src/content/import.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { createRepositories, type Repositories } from '../../src/data/repositories.js';
import { writeNextMigration } from '../../src/data/schema-engine.js';
import { TEST_DATABASE_URL } from '../helpers/test-env.js';

let prisma: PrismaClient;
let repos: Repositories;

beforeAll(() => {
  prisma = createPrisma(TEST_DATABASE_URL);
  repos = createRepositories(prisma);
});
afterAll(async () => {
  await prisma.$disconnect();
});

function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-content-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

function problemsOf(contentDir: string): ContentProblem[] {
  try {
    loadHandbook(contentDir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

/** Replaces the first line matching `pattern` in a file and returns its 1-based line number. */
function editLine(file: string, pattern: RegExp, replacement: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern} in ${file}`);
  lines[index] = lines[index]!.replace(pattern, replacement);
  writeFileSync(file, lines.join('\n'));
  return index + 1;
}

describe('content check: each class of mistake is named with its file and line', () => {
  it('accepts the handbook as committed', () => {
    expect(problemsOf('content')).toEqual([]);
  });

  it('broken YAML (a repeated key)', () => {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'villages', 'chuong.yaml'), 'id: chuong\nname:\n  vi: Chuông\n  vi: Chuong\n  en: Chuong\n');
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: expect.stringContaining('villages/chuong.yaml'), line: 4, message: expect.stringMatching(/unique/i) }),
    ]);
  });

  it('a missing Vietnamese name', () => {
    const dir = copyOfContent();
    const file = join(dir, 'villages', 'ha-thai.yaml');
    const line = editLine(file, /^ {2}vi: Hạ Thái$/, '  vn: Hạ Thái');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining('ha-thai.yaml'), message: 'name.vi: the Vietnamese text is missing' }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ line, message: expect.stringMatching(/name: Unrecognized key: "vn"/) }));
  });

  it('coordinates outside Hanoi', () => {
    const dir = copyOfContent();
    const line = editLine(join(dir, 'villages', 'ha-thai.yaml'), /^ {2}lat: .*$/, '  lat: 48.85');
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: expect.stringContaining('ha-thai.yaml'), line, message: 'location.lat: latitude is outside Hanoi' }),
    ]);
  });

  it('a duplicate id', () => {
    const dir = copyOfContent();
    const file = join(dir, 'products', 'chuong.yaml');
    const line = editLine(file, /^( {2}- id: )chuong-.*$/, '$1bat-trang-quang-vinh-red-lotus-set');
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('products/chuong.yaml'),
        line,
        message: expect.stringMatching(/^duplicate product id "bat-trang-quang-vinh-red-lotus-set" \(first in .*products\/bat-trang\.yaml:\d+\)$/),
      }),
    ]);
  });

  it('an unknown village in a route', () => {
    const dir = copyOfContent();
    const line = editLine(join(dir, 'routes', 'operator-bat-trang-chuong.yaml'), /village: bat-trang$/, 'village: xuan-lai');
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: expect.stringContaining('routes/operator-bat-trang-chuong.yaml'), line, message: 'unknown village "xuan-lai"' }),
    ]);
  });

  it('an unknown craft, and an id that is not its file name', () => {
    const dir = copyOfContent();
    const craftLine = editLine(join(dir, 'villages', 'kieu-ky.yaml'), /^crafts: \[gold-leaf/, 'crafts: [gold-leaves');
    const idLine = editLine(join(dir, 'villages', 'nhi-khe.yaml'), /^id: nhi-khe$/, 'id: nhi-khe-village');
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: expect.stringContaining('kieu-ky.yaml'), line: craftLine, message: 'unknown craft "gold-leaves"' }),
        expect.objectContaining({
          file: expect.stringContaining('nhi-khe.yaml'),
          line: idLine,
          message: 'id "nhi-khe-village" differs from the file name "nhi-khe"',
        }),
      ]),
    );
  });

  it('a missing source', () => {
    const dir = copyOfContent();
    const file = join(dir, 'villages', 'chuong.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\nsources:\n( {2}- .*\n?)+$/, '\nsources: []\n'));
    expect(problemsOf(dir)).toEqual([
      expect.objectContaining({ file: expect.stringContaining('chuong.yaml'), message: 'sources: give at least one source URL' }),
    ]);
  });
});

describe('content import', () => {
  it('imports the handbook, and a second import changes nothing', async () => {
    const dir = copyOfContent();
    const handbook = loadHandbook(dir);
    await importContent(repos, dir);
    const again = await importContent(repos, dir);
    for (const kind of kinds) expect(again.changes[kind], kind).toMatchObject({ added: [], updated: [], removed: [] });
    expect(again.changes.villages.unchanged).toBe(handbook.villages.length);
    expect(await prisma.product.count()).toBe(handbook.products.length);
    expect(await prisma.routeStop.count()).toBe(handbook.routes.reduce((n, r) => n + r.stops.length, 0));
    expect((await importContent(repos, dir, { onlyWhenChanged: true })).skipped).toBe(true);
  });

  it('reports an edited village as updated and stores the new text', async () => {
    const dir = copyOfContent();
    editLine(join(dir, 'villages', 'chuong.yaml'), /^ {2}en: .*Village$/, '  en: Chuong Conical Hat Village (edited)');
    const summary = await importContent(repos, dir);
    expect(summary.changes.villages).toMatchObject({ added: [], updated: ['chuong'], removed: [] });
    expect((await prisma.village.findUniqueOrThrow({ where: { id: 'chuong' } })).nameEn).toBe('Chuong Conical Hat Village (edited)');
  });

  it('removes a village whose file is gone, with its products', async () => {
    const dir = copyOfContent();
    await importContent(repos, 'content');
    expect(await prisma.product.count({ where: { villageId: 'da-sy' } })).toBeGreaterThan(0);
    rmSync(join(dir, 'villages', 'da-sy.yaml'));
    rmSync(join(dir, 'products', 'da-sy.yaml'));
    rmSync(join(dir, 'products', 'da-sy.types.yaml'));
    const summary = await importContent(repos, dir);
    expect(summary.changes.villages.removed).toEqual(['da-sy']);
    expect(summary.changes.products.removed.length).toBeGreaterThan(0);
    expect(summary.changes.products.removed.every((id) => id.startsWith('da-sy-'))).toBe(true);
    expect(await prisma.village.findUnique({ where: { id: 'da-sy' } })).toBeNull();
    expect(await prisma.product.count({ where: { villageId: 'da-sy' } })).toBe(0);
  });

  it('leaves the database as it was when a file is broken', async () => {
    await importContent(repos, 'content');
    const dir = copyOfContent();
    rmSync(join(dir, 'villages', 'van-an.yaml'));
    writeFileSync(join(dir, 'villages', 'chuong.yaml'), 'id: chuong\n');
    const before = await prisma.village.findMany({ orderBy: { id: 'asc' } });
    const state = await prisma.contentState.findUnique({ where: { id: 1 } });
    await expect(importContent(repos, dir)).rejects.toBeInstanceOf(ContentError);
    expect(await prisma.village.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(await prisma.contentState.findUnique({ where: { id: 1 } })).toEqual(state);
  });
});

describe('migrations', () => {
  it('db:diff finds nothing to write when schema.prisma matches the migrations', async () => {
    expect(await writeNextMigration(TEST_DATABASE_URL, 'should_not_exist')).toBeNull();
  });
});
