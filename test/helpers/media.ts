// Test clips made by ffmpeg from its lavfi sources at test time (no media committed to git).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveBinaries } from '../../src/media/binaries.js';

const { ffmpeg } = resolveBinaries(process.env);

export async function makeTestClip(path: string, options: { seconds?: number; width?: number; height?: number } = {}) {
  const { seconds = 2, width = 1280, height = 720 } = options;
  await promisify(execFile)(ffmpeg, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=30:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    path,
  ]);
  return path;
}
