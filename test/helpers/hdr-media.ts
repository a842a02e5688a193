// HDR and phone-like test clips made at test time (issue 19): the SDR pattern turned into 10-bit HEVC HLG or
// PQ with zscale, as phones record; a .mov like an iPhone's (rotated, a data track, where it was filmed);
// and the readings the tests compare outputs with (colour tags, average saturation).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { promisify } from 'node:util';
import { resolveBinaries } from '../../src/media/binaries.js';

const { ffmpeg } = resolveBinaries(process.env);
const run = (bin: string, args: string[]) => promisify(execFile)(bin, args, { maxBuffer: 64 * 1024 * 1024 });
const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];

export type HdrCurve = 'hlg' | 'pq';
const TRANSFER: Record<HdrCurve, string> = { hlg: 'arib-std-b67', pq: 'smpte2084' };

export interface HdrRecipe {
  curve: HdrCurve;
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
}

/** testsrc2 as a phone would record it in HDR: 10-bit HEVC, bt2020, the HLG or PQ curve (SDR white at 203 nits), with sound. */
export async function makeHdrClip(path: string, recipe: HdrRecipe) {
  const { curve, seconds = 2, width = 1280, height = 720, fps = 30 } = recipe;
  const transfer = TRANSFER[curve];
  await run(ffmpeg, [
    ...quiet,
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-vf',
    `zscale=tin=bt709:min=bt709:pin=bt709:t=${transfer}:m=bt2020nc:p=bt2020:npl=203,format=yuv420p10le`,
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    `log-level=error:colorprim=bt2020:transfer=${transfer}:colormatrix=bt2020nc`,
    '-color_primaries',
    'bt2020',
    '-color_trc',
    transfer,
    '-colorspace',
    'bt2020nc',
    '-tag:v',
    'hvc1',
    '-c:a',
    'aac',
    '-shortest',
    // A unique tag: clips made alike must not be taken for duplicates.
    '-metadata',
    `comment=${randomUUID()}`,
    path,
  ]);
  return path;
}

export const PHONE_LOCATION = '+21.0285+105.8542/';

/**
 * A .mov as an iPhone writes it, as near as ffmpeg can: HLG HEVC stored landscape with a 90° display
 * rotation, AAC, a data track (a QuickTime timecode track: ffmpeg cannot write Apple's mebx metadata
 * tracks, but a timecode track is a data stream all the same) and where it was filmed.
 */
export async function makePhoneMov(path: string) {
  const hdr = await makeHdrClip(`${path}.hdr.mov`, { curve: 'hlg', seconds: 2 });
  // ffmpeg 5 writes the rotation when copying streams, not when encoding.
  await run(ffmpeg, [
    ...quiet,
    '-i',
    hdr,
    '-map',
    '0',
    '-c',
    'copy',
    '-metadata:s:v:0',
    'rotate=90',
    '-timecode',
    '10:00:00:00',
    '-metadata',
    `location=${PHONE_LOCATION}`,
    '-metadata',
    `comment=${randomUUID()}`,
    `${path}.tmp.mov`,
  ]);
  await rename(`${path}.tmp.mov`, path);
  return path;
}

// ffprobe's view of a file, colour tags included.
export { probeFile as probeColour, type ProbedStream as ProbedColour } from './media.js';

/** Average saturation (signalstats SATAVG) of the frame at `atSec` (a still image: its only frame). */
export async function averageSaturation(path: string, atSec = 0): Promise<number> {
  const { stdout } = await run(ffmpeg, [
    '-hide_banner',
    '-nostats',
    ...(atSec ? ['-ss', String(atSec)] : []),
    '-i',
    path,
    '-vf',
    'signalstats,metadata=print:key=lavfi.signalstats.SATAVG:file=-',
    '-frames:v',
    '1',
    '-f',
    'null',
    '-',
  ]);
  return Number(/SATAVG=([\d.]+)/.exec(stdout)![1]);
}
