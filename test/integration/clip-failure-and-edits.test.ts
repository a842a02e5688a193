// A clip that fails says why, and staff can act on a clip through the API: retry a failed one (202),
// edit its title, village, description and tags, delete it with its files and unsent publications.
// The failure is a real one a newcomer meets: the server's ffmpeg cannot be found (ffprobe can).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { addStaffFor } from '../helpers/staff.js';
import type { Config } from '../../src/config.js';
import { TEST_DATABASE_URL, testConfig } from '../helpers/test-env.js';
import { makeTestClip } from '../helpers/media.js';
import { waitUntil } from '../helpers/wait.js';

let config: Config;
let app: RunningApp;
let prisma: PrismaClient;
let auth: Record<string, string>;
const outside = mkdtempSync(join(tmpdir(), 'langnghe-no-ffmpeg-'));

beforeAll(async () => {
  config = testConfig({ FFMPEG_PATH: join(outside, 'ffmpeg-not-installed') });
  app = await startApp(config, 'all');
  prisma = createPrisma(TEST_DATABASE_URL);
  auth = { authorization: `Bearer ${(await addStaffFor(prisma, 'Hoa')).token}` };
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
});

async function upload(title: string) {
  const path = await makeTestClip(join(mkdtempSync(join(tmpdir(), 'langnghe-fail-')), 'clip.mp4'), { seconds: 1 });
  const form = new FormData();
  form.append('title', title);
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), 'clip.mp4');
  const response = await fetch(`${app.url}/api/clips`, { method: 'POST', headers: auth, body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

const getClip = async (id: string) => (await (await fetch(`${app.url}/api/clips/${id}`, { headers: auth })).json()) as Record<string, any>;

describe('a clip that fails', () => {
  it('says why in plain words, keeps a scrubbed detail, and goes back to the queue with POST /retry', async () => {
    const { id } = await upload('Không có ffmpeg');
    // Three tries with backoff (5 s, 10 s), then failed.
    const failed = await waitUntil(async () => ((await getClip(id)).state === 'failed' ? getClip(id) : undefined), {
      timeoutMs: 45_000,
      everyMs: 500,
      what: 'the clip to fail',
    });
    expect(failed.failure.code).toBe('ffmpeg_missing');
    expect(failed.failure.en).toMatch(/cannot find the ffmpeg program/);
    expect(failed.failure.vi).toMatch(/không tìm thấy chương trình ffmpeg/);
    // The path of the missing binary lies outside MEDIA_DIR: the detail hides it.
    // ("setpriv: failed to execute [path]: …" where ffmpeg is tied to its worker, "spawn [path] ENOENT" elsewhere)
    expect(failed.failure.detail).toMatch(/\[path\].*(No such file|ENOENT)/);
    expect(JSON.stringify(failed)).not.toContain(outside);

    const retried = await fetch(`${app.url}/api/clips/${id}/retry`, { method: 'POST', headers: auth });
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as { state: string }).state).toMatch(/queued|processing/);
    expect((await getClip(id)).failure).toBeNull();
    // Only a failed clip can be retried.
    const again = await fetch(`${app.url}/api/clips/${id}/retry`, { method: 'POST', headers: auth });
    expect(again.status).toBe(409);
    // Its tries start again: the first fails at once (ffmpeg is still missing), then it waits its backoff (5 s)
    // instead of failing for good after one last try.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await getClip(id)).state).not.toBe('failed');
  }, 60_000);
});

describe('editing and deleting a clip', () => {
  it('changes only the fields given, refuses an unknown village, and deletes the clip with its files and unsent publications', async () => {
    const { id } = await upload('Tiêu đề tạm');
    const patch = (body: unknown) =>
      fetch(`${app.url}/api/clips/${id}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const edited = await patch({ title: 'Làm gốm ở Bát Tràng', village: 'bat-trang', tags: ['gốm', 'lò nung'] });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ title: 'Làm gốm ở Bát Tràng', village: 'bat-trang', tags: ['gốm', 'lò nung'], description: null });
    expect(await (await patch({ description: 'Một buổi sáng ở xưởng.', tags: 'gốm, men rạn' })).json()).toMatchObject({
      title: 'Làm gốm ở Bát Tràng',
      description: 'Một buổi sáng ở xưởng.',
      tags: ['gốm', 'men rạn'],
    });

    const unknown = await patch({ village: 'atlantis' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/no village "atlantis"/);
    expect((await patch({ title: '' })).status).toBe(400);
    expect((await patch({ sha256: 'x' })).status).toBe(400); // only the four fields can change
    expect((await getClip(id)).village).toBe('bat-trang');

    // A publication not yet sent goes with the clip; no confirmation is needed for it.
    const scheduled = await fetch(`${app.url}/api/publications`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ clipId: id, target: 'web', publishAt: new Date(Date.now() + 3600_000).toISOString() }),
    });
    expect(scheduled.status).toBe(201);
    const publicationId = ((await scheduled.json()) as { id: string }).id;
    const folder = join(config.MEDIA_DIR, 'clips', id);
    expect((await stat(folder)).isDirectory()).toBe(true);

    expect((await fetch(`${app.url}/api/clips/${id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${app.url}/api/clips/${id}`, { headers: auth })).status).toBe(404);
    expect(await prisma.publication.findUnique({ where: { id: publicationId } })).toBeNull();
    await expect(stat(folder)).rejects.toThrow(/ENOENT/);
    expect((await fetch(`${app.url}/api/clips/${id}`, { method: 'DELETE', headers: auth })).status).toBe(404);
  });
});
