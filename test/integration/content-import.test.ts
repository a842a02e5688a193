// The handbook import on the real test database: validation with file and line, idempotence, removal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, loadHandbook } from '../../src/content/load.js';
import { importContent } from '../../src/content/import.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { writeNextMigration } from '../../src/data/schema-engine.js';
import { TEST_DATABASE_URL } from '../helpers/test-env.js';

let prisma: PrismaClient;
let dir: string;

beforeAll(() => {
  prisma = createPrisma(TEST_DATABASE_URL);
});
afterAll(async () => {
  await prisma.$disconnect();
});

function copyOfContent(): string {
  dir = mkdtempSync(join(tmpdir(), 'langnghe-content-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

function problemsOf(contentDir: string) {
  try {
    loadHandbook(contentDir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('content check', () => {
  it('accepts the handbook as committed', () => {
    expect(problemsOf('content')).toEqual([]);
  });

  it('names the file and line of broken YAML', () => {
    const contentDir = copyOfContent();
    const file = join(contentDir, 'villages', 'chuong.yaml');
    writeFileSync(file, 'id: chuong\nname:\n  vi: Chuông\n  vi: Chuong\n  en: Chuong\n');
    const [problem] = problemsOf(contentDir);
    expect(problem?.file).toContain(join('villages', 'chuong.yaml'));
    expect(problem?.line).toBe(4);
    expect(problem?.message).toMatch(/unique/i);
  });

  it('names the file and line of a value that breaks the schema', () => {
    const contentDir = copyOfContent();
    const file = join(contentDir, 'villages', 'ha-thai.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const latLine = lines.findIndex((line) => /^\s+lat:/.test(line));
    lines[latLine] = '  lat: 48.85';
    writeFileSync(file, lines.join('\n'));
    expect(problemsOf(contentDir)).toEqual([
      expect.objectContaining({ file: expect.stringContaining('ha-thai.yaml'), line: latLine + 1, message: expect.stringMatching(/location\.lat: latitude is outside Hanoi/) }),
    ]);
  });
});

describe('content import', () => {
  it('imports the villages, and a second import changes nothing', async () => {
    const contentDir = copyOfContent();
    await importContent(prisma, contentDir);
    const again = await importContent(prisma, contentDir);
    expect(again.villages).toMatchObject({ added: [], updated: [], removed: [], unchanged: 5 });
    const skipped = await importContent(prisma, contentDir, { onlyWhenChanged: true });
    expect(skipped.skipped).toBe(true);
    const village = await prisma.village.findUniqueOrThrow({ where: { id: 'bat-trang' } });
    expect(village.nameVi).toBe('Bát Tràng');
  });

  it('removes a village whose file is gone', async () => {
    const contentDir = copyOfContent();
    rmSync(join(contentDir, 'villages', 'chuong.yaml'));
    const summary = await importContent(prisma, contentDir);
    expect(summary.villages.removed).toEqual(['chuong']);
    expect(await prisma.village.findUnique({ where: { id: 'chuong' } })).toBeNull();
    await importContent(prisma, 'content');
  });

  it('leaves the database as it was when a file is broken', async () => {
    const contentDir = copyOfContent();
    rmSync(join(contentDir, 'villages', 'van-phuc.yaml'));
    writeFileSync(join(contentDir, 'villages', 'chuong.yaml'), 'id: chuong\n');
    const before = await prisma.village.findMany({ orderBy: { id: 'asc' } });
    await expect(importContent(prisma, contentDir)).rejects.toBeInstanceOf(ContentError);
    expect(await prisma.village.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('migrations', () => {
  it('db:diff finds nothing to write when schema.prisma matches the migrations', async () => {
    expect(await writeNextMigration(TEST_DATABASE_URL, 'should_not_exist')).toBeNull();
  });
});
