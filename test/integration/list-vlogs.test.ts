// The public vlog lists on the real database: newest first by when each vlog first went out (not by when its
// row last changed), cut to the limit and to one village by the database, and only vlogs that are out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { importContent } from '../../src/content/import.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { createRepositories, type Repositories } from '../../src/data/repositories.js';
import { listVlogs } from '../../src/services/publishing/list-vlogs.js';
import { getVlog } from '../../src/services/publishing/get-vlog.js';
import { TEST_DATABASE_URL } from '../helpers/test-env.js';

// A village no other test publishes vlogs of.
const VILLAGE = 'dao-xa';
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000);

let prisma: PrismaClient;
let repos: Repositories;
const made: Record<string, { id: string; slug: string }> = {};

/** A clip of VILLAGE (ready unless said) with these publications. */
async function vlog(name: string, publications: Array<{ state: 'published' | 'scheduled'; at: Date }>, state: 'ready' | 'processing' = 'ready') {
  const id = randomUUID();
  const slug = `${name}-${id.slice(0, 8)}`;
  await prisma.clip.create({
    data: {
      id,
      title: name,
      state,
      slug,
      villageId: VILLAGE,
      sourceName: `${name}.mp4`,
      sourceBytes: 1n,
      publications: {
        create: publications.map((p) => ({ target: 'web', publishAt: p.at, state: p.state, publishedAt: p.state === 'published' ? p.at : null })),
      },
    },
  });
  made[name] = { id, slug };
}

beforeAll(async () => {
  prisma = createPrisma(TEST_DATABASE_URL);
  repos = createRepositories(prisma);
  await importContent(repos, 'content', { onlyWhenChanged: true });
  // First out three days ago, out again on another target an hour ago: it counts from three days ago.
  await vlog('three-days', [
    { state: 'published', at: daysAgo(3) },
    { state: 'published', at: daysAgo(1 / 24) },
  ]);
  await vlog('one-day', [{ state: 'published', at: daysAgo(1) }]);
  await vlog('waiting', [{ state: 'scheduled', at: daysAgo(-1) }]);
  await vlog('reprocessing', [{ state: 'published', at: daysAgo(0.5) }], 'processing');
  // Out two days ago, its row changed last of all (a new title, say).
  await vlog('two-days', [{ state: 'published', at: daysAgo(2) }]);
  await prisma.clip.update({ where: { id: made['two-days']!.id }, data: { title: 'two-days' } });
});

afterAll(async () => {
  await prisma.clip.deleteMany({ where: { id: { in: Object.values(made).map((m) => m.id) } } });
  await prisma.$disconnect();
});

const titles = (vlogs: Array<{ title: string }>) => vlogs.map((v) => v.title);

describe('listVlogs', () => {
  it("lists a village's vlogs that are out, newest first by when each first went out, with the village's names", async () => {
    const vlogs = await listVlogs(repos, { village: VILLAGE });
    expect(titles(vlogs)).toEqual(['one-day', 'two-days', 'three-days']);
    expect(vlogs.map((v) => v.publishedAt)).toEqual([daysAgo(1), daysAgo(2), daysAgo(3)]);
    expect(vlogs[0]!.village).toMatchObject({ id: VILLAGE });
  });

  it('gives no more than the limit: the newest', async () => {
    expect(titles(await listVlogs(repos, { village: VILLAGE, limit: 1 }))).toEqual(['one-day']);
    expect(titles(await listVlogs(repos, { village: VILLAGE, limit: 2 }))).toEqual(['one-day', 'two-days']);
  });

  it("keeps the same order among every village's vlogs", async () => {
    const ours = new Set(Object.values(made).map((m) => m.id));
    const all = await listVlogs(repos, { limit: 500 });
    expect(titles(all.filter((v) => ours.has(v.id)))).toEqual(['one-day', 'two-days', 'three-days']);
    const times = all.map((v) => v.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('finds one vlog that is out by its page address, and none that is not', async () => {
    expect((await getVlog(repos, made['two-days']!.slug))?.title).toBe('two-days');
    expect(await getVlog(repos, made['waiting']!.slug)).toBeUndefined();
    expect(await getVlog(repos, made['reprocessing']!.slug)).toBeUndefined();
  });
});
