// The vlog pipeline on real PostgreSQL, Redis, BullMQ and ffmpeg, with clips made by lavfi at test time:
// uploads (multipart and tus), the queue, the outputs of the one ffmpeg pass, rejections with reasons,
// the event stream, and a worker killed mid-job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import { createRepositories } from '../../src/data/repositories.js';
import { addStaffFor } from '../helpers/staff.js';
import { createQueues } from '../../src/jobs/queues.js';
import { reconcileClips, sweepMedia } from '../../src/services/clips/reconcile-clips.js';
import type { Config } from '../../src/config.js';
import { testConfig } from '../helpers/test-env.js';
import {
  boxOffsets,
  frameDurations,
  integratedLoudness,
  keyframeTimes,
  makeOnePixelWideClip,
  makeTestClip,
  makeTextFile,
  makeTruncatedClip,
  probeFile,
  type ClipRecipe,
} from '../helpers/media.js';

let config: Config;
let server: RunningApp;
let worker: RunningApp | undefined;
let prisma: PrismaClient;
let staffToken: string;
let base: string;
const work = mkdtempSync(join(tmpdir(), 'langnghe-pipeline-'));
const auth = () => ({ authorization: `Bearer ${staffToken}` });

beforeAll(async () => {
  // A short job lock, so that a killed worker's job is taken over within seconds.
  config = testConfig({ JOB_LOCK_SECONDS: '2' });
  prisma = createPrisma(config.DATABASE_URL);
  // The server alone first: clips wait in the queue until a worker starts.
  server = await startApp(config, 'server');
  base = server.url!;
  staffToken = (await addStaffFor(prisma, 'Pipeline editor')).token;
});

afterAll(async () => {
  await worker?.close();
  await server?.close();
  await prisma?.$disconnect();
});

type ClipView = {
  id: string;
  state: string;
  progress: number;
  queuePosition: number | null;
  width: number;
  height: number;
  reason: { code: string; vi: string; en: string } | null;
  renditions: Array<{ kind: string; width: number; height: number; bytes: number; durationSec: number; url: string }>;
  poster: { width: number; height: number; url: string } | null;
  thumbnails: Array<{ width: number; height: number; url: string }>;
  [key: string]: unknown;
};

async function uploadFile(path: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/mp4' }), path.split('/').pop());
  return fetch(`${base}/api/clips`, { method: 'POST', headers: auth(), body: form });
}

async function clip(recipe: ClipRecipe, name: string, fields: Record<string, string> = {}): Promise<ClipView> {
  const path = await makeTestClip(join(work, `${name}.mp4`), recipe);
  const response = await uploadFile(path, { title: name, ...fields });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

const view = async (id: string): Promise<ClipView> => (await fetch(`${base}/api/clips/${id}`, { headers: auth() })).json();

async function settled(id: string, timeoutMs = 60_000): Promise<ClipView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await view(id);
    if (['ready', 'rejected', 'failed'].includes(current.state) || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const fileOf = (c: ClipView, kind: string) => join(config.MEDIA_DIR, 'clips', c.id, `${kind}.mp4`);
const clipFiles = (id: string) => readdirSync(join(config.MEDIA_DIR, 'clips', id)).sort();

/** Reads a server-sent event stream, collecting its events until stopped. */
function watchEvents(path: string) {
  const events: Array<{ event: string; data: ClipView }> = [];
  const controller = new AbortController();
  const done = fetch(`${base}${path}`, { headers: auth(), signal: controller.signal })
    .then(async (response) => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    })
    .catch(() => {});
  return { events, stop: () => (controller.abort(), done) };
}

describe('the queue and the event stream', () => {
  let landscape: ClipView;
  let speech: ClipView;
  let stream: ReturnType<typeof watchEvents>;

  it('queues uploads with their metadata and shows each one its place in the queue', async () => {
    stream = watchEvents('/api/clips/events');
    landscape = await clip({ seconds: 3, width: 1920, height: 1080 }, 'landscape-1080p', {
      description: 'Thợ gốm Bát Tràng vuốt bình.',
      village: 'bat-trang',
      tags: 'gốm, Bát Tràng ,  ',
    });
    speech = await clip({ seconds: 5, audio: 'speech', width: 1280, height: 720 }, 'quiet-speech');
    expect(landscape).toMatchObject({ state: 'queued', description: 'Thợ gốm Bát Tràng vuốt bình.', village: 'bat-trang', tags: ['gốm', 'Bát Tràng'] });
    expect((await view(landscape.id)).queuePosition).toBe(1);
    expect((await view(speech.id)).queuePosition).toBe(2);
    const list = await (await fetch(`${base}/api/clips`, { headers: auth() })).json();
    expect(list.clips.map((c: ClipView) => c.id)).toEqual(expect.arrayContaining([landscape.id, speech.id]));
  });

  it('processes them once a worker starts, reporting progress on the clip.updated stream', async () => {
    worker = await startApp(config, 'worker');
    landscape = await settled(landscape.id);
    speech = await settled(speech.id);
    expect(landscape.state).toBe('ready');
    expect(speech.state).toBe('ready');
    expect(landscape.queuePosition).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stream.stop();
    const mine = stream.events.filter((e) => e.event === 'clip.updated' && e.data.id === landscape.id).map((e) => e.data);
    expect(mine.map((c) => c.state)).toContain('processing');
    expect(mine.at(-1)).toMatchObject({ state: 'ready', progress: 100 });
    const progress = mine.filter((c) => c.state === 'processing').map((c) => c.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
  });

  it('writes 1080p and 720p H.264 High yuv420p with AAC 48 kHz stereo, a keyframe every 2 s, faststart', async () => {
    expect(landscape.renditions.map((r) => [r.kind, r.width, r.height])).toEqual([
      ['1080p', 1920, 1080],
      ['720p', 1280, 720],
    ]);
    for (const rendition of landscape.renditions) {
      const path = fileOf(landscape, rendition.kind);
      const { streams } = await probeFile(path);
      const video = streams.find((s) => s.codec_type === 'video')!;
      const audio = streams.find((s) => s.codec_type === 'audio')!;
      expect(video).toMatchObject({ codec_name: 'h264', profile: 'High', pix_fmt: 'yuv420p', width: rendition.width, height: rendition.height });
      expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
      expect(Number(audio.bit_rate)).toBeGreaterThan(100_000);
      expect(Number(audio.bit_rate)).toBeLessThan(140_000);
      expect(await keyframeTimes(path)).toEqual([0, 2]);
      const boxes = await boxOffsets(path);
      expect(boxes.moov).toBeLessThan(boxes.mdat!);
      expect(rendition.bytes).toBe(readFileSync(path).length);
      expect(rendition.durationSec).toBeCloseTo(3, 0);
    }
  });

  it('makes a poster and four thumbnails, and serves every output with range requests', async () => {
    expect(landscape.poster).toMatchObject({ width: 1280, height: 720 });
    expect(landscape.thumbnails).toHaveLength(4);
    const poster = await fetch(`${base}${landscape.poster!.url}`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    expect((await poster.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    for (const thumb of landscape.thumbnails) expect((await fetch(`${base}${thumb.url}`)).status).toBe(200);

    const video = landscape.renditions[1]!;
    const ranged = await fetch(`${base}${video.url}`, { headers: { range: 'bytes=100-199' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 100-199/${video.bytes}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(readFileSync(fileOf(landscape, '720p')).subarray(100, 200));
    // The source and half-written outputs are not for the public.
    expect((await fetch(`${base}/media/clips/${landscape.id}/source.mp4`)).status).toBe(404);
    expect((await fetch(`${base}/media/clips/${landscape.id}/../../tus`)).status).toBe(404);
  });

  it('brings quiet speech to -14 LUFS (within 1 LU), measured on the output', async () => {
    expect(await integratedLoudness(join(work, 'quiet-speech.mp4'))).toBeLessThan(-30);
    expect(speech.renditions.map((r) => r.kind)).toEqual(['720p']);
    const loudness = await integratedLoudness(fileOf(speech, '720p'));
    expect(Math.abs(loudness - -14)).toBeLessThanOrEqual(1);
  });

  it('leaves one set of outputs and no temporary folder', () => {
    expect(clipFiles(landscape.id)).toEqual(['1080p.mp4', '720p.mp4', 'poster.jpg', 'source.mp4', 'thumb-1.jpg', 'thumb-2.jpg', 'thumb-3.jpg', 'thumb-4.jpg']);
  });

  it('reports the same file uploaded again as a duplicate of the first', async () => {
    const response = await uploadFile(join(work, 'landscape-1080p.mp4'), { title: 'Again' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'duplicate', clipId: landscape.id });
  });
});

describe('what phones and cameras send', () => {
  it('keeps a portrait clip with a rotation tag portrait, upright', async () => {
    const portrait = await settled((await clip({ seconds: 2, width: 1920, height: 1080, rotate: 90 }, 'portrait-rotated')).id);
    expect(portrait).toMatchObject({ state: 'ready', width: 1080, height: 1920 });
    expect(portrait.renditions.map((r) => [r.kind, r.width, r.height])).toEqual([
      ['1080p', 1080, 1920],
      ['720p', 720, 1280],
    ]);
    const video = (await probeFile(fileOf(portrait, '720p'))).streams.find((s) => s.codec_type === 'video')!;
    expect(video).toMatchObject({ width: 720, height: 1280 });
    // Turned upright in the pixels, so no player turns it a second time.
    expect(video.side_data_list?.some((d) => d.rotation)).toBeFalsy();
    expect(portrait.poster).toMatchObject({ width: 720, height: 1280 });
  });

  it('gives a clip without sound a silent stereo track of its length', async () => {
    const silent = await settled((await clip({ seconds: 2, width: 1280, height: 720, audio: 'none' }, 'no-audio')).id);
    expect(silent.state).toBe('ready');
    const { streams, format } = await probeFile(fileOf(silent, '720p'));
    expect(streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
    expect(Number(format.duration)).toBeCloseTo(2, 0);
  });

  it('makes a variable frame rate constant', async () => {
    const source = join(work, 'variable-rate.mp4');
    await makeTestClip(source, { seconds: 3, width: 1280, height: 720, variableFrameRate: true });
    expect(new Set(await frameDurations(source)).size).toBeGreaterThan(1);
    const response = await uploadFile(source, { title: 'variable-rate' });
    const vfr = await settled((await response.json()).id);
    expect(vfr.state).toBe('ready');
    const output = fileOf(vfr, '720p');
    const video = (await probeFile(output)).streams.find((s) => s.codec_type === 'video')!;
    expect(video.avg_frame_rate).toBe(video.r_frame_rate);
    expect(new Set(await frameDurations(output)).size).toBe(1);
  });
});

describe('what is not a playable video', () => {
  async function failedJob(clipId: string) {
    const queue = new Queue('clip-processing', { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX });
    const job = await queue.getJob(`clip-${clipId}`);
    const state = await job?.getState();
    await queue.close();
    return { state, attempts: job?.attemptsMade };
  }

  it('rejects a truncated file at once, with its reason in vi and en, and keeps no outputs', async () => {
    const path = await makeTruncatedClip(join(work, 'truncated.mp4'), 0.5);
    const response = await uploadFile(path, { title: 'Cut off' });
    expect(response.status).toBe(201); // its header is whole: only decoding shows the loss
    const truncated = await settled((await response.json()).id);
    expect(truncated.state).toBe('rejected');
    expect(truncated.reason?.code).toBe('damaged');
    expect(truncated.reason?.en).toMatch(/damaged|breaks off|cut/i);
    expect(truncated.reason?.vi).not.toBe(truncated.reason?.en);
    expect(truncated.renditions).toEqual([]);
    expect(clipFiles(truncated.id)).toEqual(['source.mp4']);
    // No retries for bad input: one attempt, failed.
    expect(await failedJob(truncated.id)).toEqual({ state: 'failed', attempts: 1 });
  });

  it('rejects a 1-pixel-wide video as absurd dimensions', async () => {
    const path = await makeOnePixelWideClip(join(work, 'one-pixel.mp4'));
    const response = await uploadFile(path, { title: 'One pixel' });
    expect(response.status).toBe(201);
    const strip = await settled((await response.json()).id);
    expect(strip).toMatchObject({ state: 'rejected', reason: { code: 'bad_dimensions' } });
    expect(strip.reason!.en).toContain('1×360');
    expect(await failedJob(strip.id)).toEqual({ state: 'failed', attempts: 1 });
  });

  it('refuses a text file renamed .mp4 with 422 naming the reason, keeping nothing', async () => {
    const before = await prisma.clip.count();
    const response = await uploadFile(await makeTextFile(join(work, 'notes.mp4')), { title: 'Notes' });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toMatch(/not a playable video/i);
    expect(await prisma.clip.count()).toBe(before);
  });
});

describe('resumable uploads (tus) at /api/uploads', () => {
  const b64 = (value: string) => Buffer.from(value).toString('base64');
  const tusHeaders = (extra: Record<string, string> = {}) => ({ 'tus-resumable': '1.0.0', ...auth(), ...extra });

  async function createUpload(bytes: number, metadata: Record<string, string>, headers = tusHeaders()) {
    return fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: {
        ...headers,
        'upload-length': String(bytes),
        'upload-metadata': Object.entries(metadata)
          .map(([k, v]) => `${k} ${b64(v)}`)
          .join(','),
      },
    });
  }

  const patch = (location: string, offset: number, body: Buffer) =>
    fetch(new URL(location, base), {
      method: 'PATCH',
      headers: tusHeaders({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
      body: new Uint8Array(body),
    });

  /** Sends part of the body, then the connection drops. */
  const interruptedPatch = (location: string, offset: number, body: Buffer, sendBytes: number) =>
    new Promise<void>((resolve) => {
      const request = httpRequest(new URL(location, base), {
        method: 'PATCH',
        headers: tusHeaders({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(body.length) }),
      });
      request.on('error', () => resolve());
      request.write(body.subarray(0, sendBytes), () => setTimeout(() => (request.destroy(), resolve()), 300));
    });

  const offsetOf = async (location: string) =>
    Number((await fetch(new URL(location, base), { method: 'HEAD', headers: tusHeaders() })).headers.get('upload-offset'));

  it('refuses uploads without a staff token, and without a title', async () => {
    expect((await createUpload(100, { title: 'x' }, { 'tus-resumable': '1.0.0', authorization: 'Bearer lns_wrong' })).status).toBe(401);
    const untitled = await createUpload(100, { filename: 'a.mp4' });
    expect(untitled.status).toBe(400);
    expect(await untitled.text()).toContain('title: is required');
  });

  it('resumes an interrupted upload from its offset, and the finished upload becomes a clip', async () => {
    const data = readFileSync(await makeTestClip(join(work, 'resumable.mp4'), { seconds: 2, width: 960, height: 540 }));
    const created = await createUpload(data.length, { title: 'Làng lụa Vạn Phúc', filename: 'van-phuc.mp4', village: 'van-phuc', tags: 'lụa' });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(await offsetOf(location)).toBe(0);

    await interruptedPatch(location, 0, data, Math.floor(data.length / 2));
    let offset = 0;
    for (let i = 0; i < 20 && offset === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      offset = await offsetOf(location);
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(Math.floor(data.length / 2));

    const finished = await patch(location, offset, data.subarray(offset));
    expect(finished.status).toBe(204);
    const clipId = finished.headers.get('x-clip-id')!;
    const resumed = await settled(clipId);
    expect(resumed).toMatchObject({ state: 'ready', title: 'Làng lụa Vạn Phúc', village: 'van-phuc', tags: ['lụa'], width: 960, height: 540 });
    expect(readFileSync(join(config.MEDIA_DIR, 'clips', clipId, 'source.mp4'))).toEqual(data);
    // tus's copy was moved into the clip, not left behind.
    expect(readdirSync(join(config.MEDIA_DIR, 'tus'))).toEqual([]);
  });

  it('answers a finished upload that is not a video with 422 and keeps nothing', async () => {
    const text = readFileSync(await makeTextFile(join(work, 'renamed.mp4')));
    const created = await createUpload(text.length, { title: 'Renamed', filename: 'renamed.mp4' });
    const finished = await patch(created.headers.get('location')!, 0, text);
    expect(finished.status).toBe(422);
    expect(await finished.text()).toMatch(/not a playable video/i);
    expect(readdirSync(join(config.MEDIA_DIR, 'tus'))).toEqual([]);
  });
});

describe('the reconciler', () => {
  it('puts back the job of a clip the queue lost, and sweeps what dead jobs left', async () => {
    const lost = await clip({ seconds: 2, width: 640, height: 360 }, 'lost-job');
    const queue = new Queue('clip-processing', { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX });
    // As after a Redis flush while the clip was being processed: its row says so, its job is gone.
    await settled(lost.id);
    await queue.remove(`clip-${lost.id}`);
    await prisma.rendition.deleteMany({ where: { clipId: lost.id } });
    await prisma.clip.update({ where: { id: lost.id }, data: { state: 'processing', progress: 40 } });
    const deadTemp = join(config.MEDIA_DIR, 'clips', lost.id, 'tmp-dead-job');
    mkdirSync(deadTemp);
    writeFileSync(join(deadTemp, '720p.mp4'), 'half a file');
    const past = new Date(Date.now() - 3600_000);
    utimesSync(deadTemp, past, past);

    const deps = {
      clips: createRepositories(prisma).clips,
      queues: createQueues({ url: config.REDIS_URL }, config.QUEUE_PREFIX, () => {}),
      mediaDir: config.MEDIA_DIR,
      logger: server.logger,
    };
    expect(await sweepMedia(deps, { tmpAgeMs: 60_000, uploadAgeMs: 60_000 })).toBe(0); // the clip says "processing": not yet
    expect(await reconcileClips(deps, { quietForMs: 0 })).toBe(1);
    const redone = await settled(lost.id);
    expect(redone.state).toBe('ready');
    // The new attempt started clean: the dead job's folder is gone.
    expect(existsSync(deadTemp)).toBe(false);
    expect(await reconcileClips(deps, { quietForMs: 0 })).toBe(0);

    // A temporary folder a crashed worker left on a clip nobody is processing now goes.
    const crashed = join(config.MEDIA_DIR, 'clips', lost.id, 'tmp-crashed');
    mkdirSync(crashed);
    utimesSync(crashed, past, past);
    expect(await sweepMedia(deps, { tmpAgeMs: 60_000, uploadAgeMs: 60_000 })).toBe(1);
    expect(existsSync(crashed)).toBe(false);
    expect(clipFiles(lost.id)).toContain('720p.mp4');
    await deps.queues.close();
    await queue.close();
  });
});

describe('a worker killed mid-job', () => {
  let child: ChildProcess | undefined;
  afterAll(() => void child?.kill('SIGKILL'));

  it('has its job completed by the next worker, with one set of outputs', async () => {
    // This test's own worker process, alone on the queue.
    await worker?.close();
    worker = undefined;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: config.DATABASE_URL,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        MEDIA_DIR: config.MEDIA_DIR,
        JOB_LOCK_SECONDS: '2',
        FFMPEG_THREADS: '1',
      },
      stdio: 'ignore',
    });
    const long = await clip({ seconds: 20, width: 1920, height: 1080 }, 'long-take');
    let current = long;
    for (let i = 0; i < 600 && !(current.state === 'processing' && current.progress >= 5); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await view(long.id);
    }
    expect(current).toMatchObject({ state: 'processing' });
    expect(clipFiles(long.id).some((name) => name.startsWith('tmp-'))).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    // Its ffmpeg goes too: the progress pipe it writes to has no reader any more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ffmpegRunningFor(long.id)).toBe(false);

    worker = await startApp(config, 'worker');
    const done = await settled(long.id, 120_000);
    expect(done.state).toBe('ready');
    expect(clipFiles(long.id)).toEqual(['1080p.mp4', '720p.mp4', 'poster.jpg', 'source.mp4', 'thumb-1.jpg', 'thumb-2.jpg', 'thumb-3.jpg', 'thumb-4.jpg']);
    expect(await prisma.rendition.count({ where: { clipId: long.id } })).toBe(7);
    const { format } = await probeFile(fileOf(done, '720p'));
    expect(Number(format.duration)).toBeCloseTo(20, 0);
  });
});

/** Whether any process on this machine is an ffmpeg working on this clip (read from /proc). */
function ffmpegRunningFor(clipId: string): boolean {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .some((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return /ffmpeg/.test(args[0] ?? '') && args.some((arg) => arg.includes(clipId));
      } catch {
        return false; // gone meanwhile
      }
    });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));
