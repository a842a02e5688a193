// Pictures and small files made by ffmpeg from its lavfi sources (testsrc2, color, sine, …) at test time: a
// vlog's poster written straight to the media folder, or any other synthetic input.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveBinaries } from '../../src/media/binaries.js';

const { ffmpeg } = resolveBinaries(process.env);

/** ffmpeg's argv for `output` made from one lavfi `source` (quiet, overwriting), `outputOptions` before it. */
export function lavfiArgs(source: string, output: string, outputOptions: string[] = []): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', source, ...outputOptions, output];
}

/** Makes `output` from a lavfi source with ffmpeg. */
export async function makeFromLavfi(source: string, output: string, outputOptions: string[] = []): Promise<void> {
  await promisify(execFile)(ffmpeg, lavfiArgs(source, output, outputOptions));
}

/** A poster: one frame of the test pattern as a JPEG of that size (1280×720 unless given). */
export function makePoster(path: string, size: { width: number; height: number } = { width: 1280, height: 720 }): Promise<void> {
  return makeFromLavfi(`testsrc2=size=${size.width}x${size.height}`, path, ['-frames:v', '1']);
}
