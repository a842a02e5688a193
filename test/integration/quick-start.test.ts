// README's quick start, as a newcomer meets it: `npm start` and `npm run staff -- add` with nothing set
// but the database and the port a test needs, so every other default is README's own — a relative
// MEDIA_DIR (./data/media), the default queue prefix, no Telegram, no Zalo. A clip uploaded as README
// shows reaches ready, is scheduled to the web target with README's call, and appears on /vlogs.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase } from '../../src/data/database.js';
import { loadConfig } from '../../src/config.js';
import { makeTestClip } from '../helpers/media.js';
import { freePort } from '../helpers/processes.js';
import { waitUntil } from '../helpers/wait.js';

const repo = resolve(import.meta.dirname, '../..');
const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/langnghe_quickstart_test';

// The machine's environment without any of LangNghe's own settings: README's defaults apply.
function newcomerEnv(port: number): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(loadConfig({}))) delete env[key];
  for (const key of ['STAFF_PASSWORD', 'TEST_DATABASE_URL', 'TEST_REDIS_URL', 'RESILIENCE']) delete env[key];
  return { ...env, DATABASE_URL, PORT: String(port) };
}

describe("README's quick start", () => {
  const work = mkdtempSync(join(tmpdir(), 'langnghe-quickstart-'));
  const logFile = join(work, 'npm-start.log');
  let server: ChildProcess;
  let base: string;
  let env: NodeJS.ProcessEnv;
  let clipId: string | undefined;

  beforeAll(async () => {
    await dropDatabase(DATABASE_URL); // `npm start` creates it, as on a fresh machine
    const port = await freePort();
    env = newcomerEnv(port);
    base = `http://127.0.0.1:${port}`;
    const log = openSync(logFile, 'a');
    // Its own process group, so that stopping it stops npm, tsx and node alike.
    server = spawn('npm', ['start'], { cwd: repo, env, stdio: ['ignore', log, log], detached: true });
    await waitUntil(
      async () => {
        if (server.exitCode !== null) throw new Error(`npm start exited (${server.exitCode}):\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
        return (await fetch(`${base}/healthz`).catch(() => undefined))?.ok;
      },
      { timeoutMs: 150_000, everyMs: 500, what: `npm start to answer /healthz (log: ${logFile})` },
    );
  }, 180_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
      if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    await dropDatabase(DATABASE_URL).catch(() => {});
  }, 60_000);

  it('takes a clip from upload to ready to published on /vlogs, with media under ./data/media', async () => {
    try {
      const { stdout } = await promisify(execFile)('npm', ['run', 'staff', '--', 'add', 'lan.anh@example.org'], { cwd: repo, env, timeout: 90_000 });
      const token = stdout.trim().split('\n').at(-1)!;
      const auth = { authorization: `Bearer ${token}` };

      // curl -H "Authorization: Bearer <token>" -F title=… -F file=@clip.mp4 localhost:3000/api/clips
      const clipPath = await makeTestClip(join(work, 'clip.mp4'), { seconds: 2 });
      const form = new FormData();
      form.set('title', 'Một ngày ở Bát Tràng');
      form.set('village', 'bat-trang');
      form.set('file', new Blob([await readFile(clipPath)], { type: 'video/mp4' }), 'clip.mp4');
      const upload = await fetch(`${base}/api/clips`, { method: 'POST', headers: auth, body: form });
      expect(upload.status).toBe(201);
      clipId = ((await upload.json()) as { id: string }).id;

      const clip = await waitUntil(
        async () => {
          const body = (await (await fetch(`${base}/api/clips/${clipId}`, { headers: auth })).json()) as {
            state: string;
            error?: string;
            renditions: Array<{ kind: string }>;
          };
          if (body.state === 'failed' || body.state === 'rejected') throw new Error(`the clip ended ${body.state}: ${JSON.stringify(body)}`);
          return body.state === 'ready' && body;
        },
        { timeoutMs: 120_000, everyMs: 500, what: 'the clip to be ready' },
      );
      expect(clip.renditions.map((r) => r.kind)).toContain('720p');
      // README's relative MEDIA_DIR, made absolute from the working folder at start-up.
      expect((await stat(join(repo, 'data', 'media', 'clips', clipId, '720p.mp4'))).size).toBeGreaterThan(10_000);

      // README's scheduling call: the web target, a time computed from now.
      const publishAt = new Date(Date.now() + 2_000).toISOString();
      const scheduled = await fetch(`${base}/api/publications`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ clipId, target: 'web', publishAt }),
      });
      expect(scheduled.status).toBe(201);
      const publication = (await scheduled.json()) as { id: string };
      await waitUntil(
        async () => ((await (await fetch(`${base}/api/publications/${publication.id}`, { headers: auth })).json()) as { state: string }).state === 'published',
        {
          timeoutMs: 30_000,
          everyMs: 250,
          what: 'the web publication to be published',
        },
      );

      const vlogs = await (await fetch(`${base}/vlogs`)).text();
      expect(vlogs).toContain('Một ngày ở Bát Tràng');
      const slug = new RegExp(`href="/vlogs/([a-z0-9-]+-${clipId.slice(0, 6)})\\?`).exec(vlogs)?.[1];
      expect(slug).toBeTruthy();
      expect((await fetch(`${base}/vlogs/${slug}`)).status).toBe(200);
      expect(await (await fetch(`${base}/vlogs/feed.xml`)).text()).toContain(`/vlogs/${slug}`);

      // Deleting it (confirmed, since it was published) takes its page and its files away.
      const refused = await fetch(`${base}/api/clips/${clipId}`, { method: 'DELETE', headers: auth });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toBe('published');
      expect((await fetch(`${base}/api/clips/${clipId}?confirm=true`, { method: 'DELETE', headers: auth })).status).toBe(204);
      expect((await fetch(`${base}/vlogs/${slug}`)).status).toBe(404);
      await expect(stat(join(repo, 'data', 'media', 'clips', clipId))).rejects.toThrow(/ENOENT/);
      clipId = undefined;
    } catch (error) {
      // What the newcomer's terminal showed, to see why.
      console.error(readFileSync(logFile, 'utf8').slice(-4000));
      throw error;
    }
  }, 240_000);
});
