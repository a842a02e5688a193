// Test clips made by ffmpeg from its lavfi sources at test time (no media committed to git), and the
// ffprobe/ebur128 readings the tests check outputs with.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { resolveBinaries } from '../../src/media/binaries.js';

const { ffmpeg, ffprobe } = resolveBinaries(process.env);
const run = (bin: string, args: string[]) => promisify(execFile)(bin, args, { maxBuffer: 64 * 1024 * 1024 });
const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];

export interface ClipRecipe {
  seconds?: number;
  width?: number;
  height?: number;
  /** tone: a steady sine; speech: quiet noise shaped into syllables and pauses; none: no audio stream. */
  audio?: 'tone' | 'speech' | 'none';
  /** Drops 4 of every 10 frames, keeping the gaps: variable frame rate. */
  variableFrameRate?: boolean;
  /** A display-rotation tag, as phones write for portrait clips stored landscape. */
  rotate?: 90 | 270;
  /** moov before mdat, so a truncated copy still probes. */
  faststart?: boolean;
  /** Film grain at 60 Mbit/s: a big file (about 7 MB a second at 720p), for watching uploads progress. */
  grain?: boolean;
}

export async function makeTestClip(path: string, recipe: ClipRecipe = {}) {
  const { seconds = 2, width = 1280, height = 720, audio = 'tone' } = recipe;
  const args = [...quiet, '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=30:duration=${seconds}`];
  if (audio === 'tone') args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  // About -35 LUFS: pink noise, band-limited like a voice, in 4-per-second bursts.
  if (audio === 'speech')
    args.push('-f', 'lavfi', '-i', `anoisesrc=color=pink:sample_rate=48000:amplitude=0.25:duration=${seconds},highpass=f=150,lowpass=f=3500,tremolo=f=4:d=0.9`);
  if (recipe.variableFrameRate) args.push('-vf', "select='lt(mod(n\\,10)\\,6)'", '-fps_mode', 'vfr');
  if (recipe.grain) args.push('-vf', 'noise=alls=30:allf=t', '-b:v', '60M');
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (audio !== 'none') args.push('-c:a', 'aac', '-shortest');
  if (recipe.faststart) args.push('-movflags', '+faststart');
  // A unique tag: clips made alike by different test files must not be taken for duplicates.
  args.push('-metadata', `comment=${randomUUID()}`, path);
  await run(ffmpeg, args);
  if (recipe.rotate) {
    // ffmpeg 5 writes the rotation tag when copying streams, not when encoding.
    const tagged = `${path}.rotated.mp4`;
    await run(ffmpeg, [...quiet, '-i', path, '-c', 'copy', '-metadata:s:v:0', `rotate=${recipe.rotate}`, tagged]);
    await rename(tagged, path);
  }
  return path;
}

/** A video 1 pixel wide and 360 high: H.264 in 4:4:4 can hold it, no screen can show it. */
export async function makeOnePixelWideClip(path: string) {
  await run(ffmpeg, [
    ...quiet,
    '-f',
    'lavfi',
    '-i',
    'nullsrc=size=2x360:rate=30:duration=2,geq=lum=128:cb=128:cr=128,crop=1:360:0:0,format=yuv444p',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    path,
  ]);
  return path;
}

/** A playable clip cut off at `fraction` of its bytes, as an upload dropped half-way leaves it. */
export async function makeTruncatedClip(path: string, fraction = 0.5) {
  await makeTestClip(path, { seconds: 4, faststart: true });
  const { length } = await readFile(path);
  await truncate(path, Math.floor(length * fraction));
  return path;
}

export async function makeTextFile(path: string) {
  await writeFile(path, 'Lịch quay phim làng gốm Bát Tràng, thứ Hai.\n'.repeat(200));
  return path;
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  sample_rate?: string;
  channels?: number;
  bit_rate?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  nb_frames?: string;
  color_primaries?: string;
  color_transfer?: string;
  color_space?: string;
  color_range?: string;
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number }>;
}

export async function probeFile(path: string): Promise<{ streams: ProbedStream[]; format: { duration: string; tags?: Record<string, string> } }> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]);
  return JSON.parse(stdout);
}

/** Presentation times of the video keyframes, in seconds. */
export async function keyframeTimes(path: string): Promise<number[]> {
  const { stdout } = await run(ffprobe, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-skip_frame',
    'nokey',
    '-show_entries',
    'frame=pts_time',
    '-of',
    'csv=p=0',
    path,
  ]);
  // A frame with side data gets an extra (empty) column: "0.000000,".
  return stdout
    .split('\n')
    .map((line) => Number.parseFloat(line))
    .filter(Number.isFinite);
}

/** Durations of the video frames, in seconds (all equal at a constant frame rate). */
export async function frameDurations(path: string): Promise<number[]> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', path]);
  const times = stdout
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);
  return times.slice(1).map((t, i) => Math.round((t - times[i]!) * 1e4) / 1e4);
}

/** Integrated loudness in LUFS, measured by ffmpeg's EBU R128 meter (not by loudnorm, which set it). */
export async function integratedLoudness(path: string): Promise<number> {
  const { stderr } = await run(ffmpeg, ['-hide_banner', '-nostats', '-i', path, '-map', '0:a:0', '-af', 'ebur128', '-f', 'null', '-']);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]);
}

/** Where the top-level MP4 boxes start: with +faststart, moov comes before mdat. */
export async function boxOffsets(path: string): Promise<Record<string, number>> {
  const data = await readFile(path);
  const offsets: Record<string, number> = {};
  for (let at = 0; at + 8 <= data.length;) {
    const size = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    offsets[type] ??= at;
    if (size < 8) break;
    at += size;
  }
  return offsets;
}
