// Phone clips in HDR through the real pipeline (issue 19): the SDR pattern, the same pattern in HLG and in PQ
// (10-bit HEVC), a 4K60 HLG clip and an iPhone-like .mov, uploaded through the API, processed by a real
// worker with real ffmpeg, and their outputs read back: tagged bt709, as colourful as the SDR original.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { createPrisma, type PrismaClient } from '../../src/data/database.js';
import type { Config } from '../../src/config.js';
import { addStaffFor } from '../helpers/staff.js';
import { testConfig } from '../helpers/test-env.js';
import { makeTestClip } from '../helpers/media.js';
import { averageSaturation, makeHdrClip, makePhoneMov, PHONE_LOCATION, probeColour, type ProbedColour } from '../helpers/hdr-media.js';

let config: Config;
let server: RunningApp;
let worker: RunningApp;
let prisma: PrismaClient;
let staffToken: string;
const work = mkdtempSync(join(tmpdir(), 'langnghe-hdr-'));

type ClipView = { id: string; state: string; width: number; height: number; reason: { code: string } | null; renditions: Array<{ kind: string }> };

async function upload(path: string): Promise<ClipView> {
  const form = new FormData();
  form.append('title', path.split('/').pop()!);
  form.append('file', new Blob([new Uint8Array(readFileSync(path))], { type: 'video/quicktime' }), path.split('/').pop());
  const response = await fetch(`${server.url}/api/clips`, { method: 'POST', headers: { authorization: `Bearer ${staffToken}` }, body: form });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

async function settled(id: string, timeoutMs: number): Promise<ClipView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current: ClipView = await (await fetch(`${server.url}/api/clips/${id}`, { headers: { authorization: `Bearer ${staffToken}` } })).json();
    if (['ready', 'rejected', 'failed'].includes(current.state) || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const output = (c: ClipView, file: string) => join(config.MEDIA_DIR, 'clips', c.id, file);
const videoOf = async (path: string) => (await probeColour(path)).streams.find((s) => s.codec_type === 'video')!;
const bt709 = {
  codec_name: 'h264',
  profile: 'High',
  pix_fmt: 'yuv420p',
  color_primaries: 'bt709',
  color_transfer: 'bt709',
  color_space: 'bt709',
  color_range: 'tv',
};

// Made and uploaded once; the worker processes each while the next is being made.
const uploads: Record<string, Promise<ClipView>> = {};

beforeAll(async () => {
  config = testConfig();
  prisma = createPrisma(config.DATABASE_URL);
  server = await startApp(config, 'server');
  worker = await startApp(config, 'worker');
  staffToken = (await addStaffFor(prisma, 'HDR editor')).token;
  const sdr = await makeTestClip(join(work, 'sdr.mp4'), { seconds: 2 });
  uploads.sdr = upload(sdr);
  uploads.hlg = upload(await makeHdrClip(join(work, 'hlg.mov'), { curve: 'hlg' }));
  uploads.pq = upload(await makeHdrClip(join(work, 'pq.mov'), { curve: 'pq' }));
  uploads.phone = upload(await makePhoneMov(join(work, 'phone.mov')));
  // One second of 3840×2160 at 60 fps: the costly kind of phone clip, kept short.
  uploads.uhd = upload(await makeHdrClip(join(work, 'uhd60.mov'), { curve: 'hlg', seconds: 1, width: 3840, height: 2160, fps: 60 }));
  await Promise.all(Object.values(uploads));
}, 240_000);

afterAll(async () => {
  await worker?.close();
  await server?.close();
  await prisma?.$disconnect();
});

describe('HDR phone clips come out as SDR the way the camera saw them', () => {
  let sdr: ClipView;
  let sdrSaturation: number;
  let sdrPosterSaturation: number;

  beforeAll(async () => {
    sdr = await settled((await uploads.sdr!).id, 120_000);
    expect(sdr.state).toBe('ready');
    sdrSaturation = await averageSaturation(output(sdr, '720p.mp4'), 1);
    sdrPosterSaturation = await averageSaturation(output(sdr, 'poster.jpg'));
  }, 150_000);

  it('tags an SDR clip bt709 too', async () => {
    expect(await videoOf(output(sdr, '720p.mp4'))).toMatchObject(bt709);
  });

  for (const curve of ['hlg', 'pq'] as const) {
    it(`tone-maps ${curve.toUpperCase()} 10-bit HEVC to 8-bit bt709 H.264 with at least half the SDR saturation, poster too`, async () => {
      const clip = await settled((await uploads[curve]!).id, 120_000);
      expect(clip.state).toBe('ready');
      expect(await videoOf(output(clip, '720p.mp4'))).toMatchObject(bt709);
      // Without tone-mapping: 39 % (HLG) and 22 % (PQ) of the SDR saturation, washed out.
      const ratio = (await averageSaturation(output(clip, '720p.mp4'), 1)) / sdrSaturation;
      expect(ratio).toBeGreaterThanOrEqual(0.5);
      expect(ratio).toBeLessThanOrEqual(1.2);
      const posterRatio = (await averageSaturation(output(clip, 'poster.jpg'))) / sdrPosterSaturation;
      expect(posterRatio).toBeGreaterThanOrEqual(0.5);
      expect(await averageSaturation(output(clip, 'thumb-1.jpg'))).toBeGreaterThan(0.5 * sdrPosterSaturation);
    }, 150_000);
  }
});

describe('4K, 60 fps and iPhone .mov sources', () => {
  it('turns 4K60 HEVC HLG into 1080p and 720p at 30 fps, every other frame kept', async () => {
    const clip = await settled((await uploads.uhd!).id, 180_000);
    expect(clip.state).toBe('ready');
    expect(clip.renditions.map((r) => r.kind)).toEqual(expect.arrayContaining(['1080p', '720p']));
    for (const [file, width, height] of [
      ['1080p.mp4', 1920, 1080],
      ['720p.mp4', 1280, 720],
    ] as const) {
      const video: ProbedColour = await videoOf(output(clip, file));
      expect(video).toMatchObject({ ...bt709, width, height, avg_frame_rate: '30/1' });
      // One second at 60 fps: 60 frames in, 30 out.
      expect(Math.abs(Number(video.nb_frames) - 30)).toBeLessThanOrEqual(1);
    }
  }, 200_000);

  it('handles an iPhone-like .mov: rotated to portrait, its data track ignored, tone-mapped, where it was filmed not copied', async () => {
    const source = await probeColour(join(work, 'phone.mov'));
    // The test clip is what it claims to be: a data track, and the place in its metadata.
    expect(source.streams.map((s) => s.codec_type)).toContain('data');
    expect(source.format.tags?.location).toBe(PHONE_LOCATION);
    const clip = await settled((await uploads.phone!).id, 120_000);
    expect(clip.state).toBe('ready');
    expect(clip).toMatchObject({ width: 720, height: 1280 });
    const out = await probeColour(output(clip, '720p.mp4'));
    expect(out.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(out.streams[0]).toMatchObject({ ...bt709, width: 720, height: 1280 });
    expect(JSON.stringify(out.format.tags ?? {})).not.toContain('105.85');
    expect(Object.keys(out.format.tags ?? {})).not.toContain('location');
  }, 150_000);
});
