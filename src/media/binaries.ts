// Which ffmpeg and ffprobe to run: FFMPEG_PATH/FFPROBE_PATH, else ffmpeg-static's binary when its
// download succeeded, else whatever is on PATH (Debian's ffmpeg package brings both).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);

export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
}

function ffmpegStaticPath(): string | undefined {
  try {
    const path = require('ffmpeg-static') as string | null;
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // optional dependency not installed
  }
}

export function resolveBinaries(env: { FFMPEG_PATH?: string; FFPROBE_PATH?: string }): MediaBinaries {
  return {
    ffmpeg: env.FFMPEG_PATH ?? ffmpegStaticPath() ?? 'ffmpeg',
    // ffmpeg-static ships no ffprobe.
    ffprobe: env.FFPROBE_PATH ?? 'ffprobe',
  };
}

/** "6.1.1-3ubuntu5", or throws when the binary cannot run. */
export async function ffmpegVersion(ffmpeg: string): Promise<string> {
  const { stdout } = await promisify(execFile)(ffmpeg, ['-hide_banner', '-version'], { timeout: 10_000 });
  const match = /ffmpeg version (\S+)/.exec(stdout);
  if (!match) throw new Error('unrecognised ffmpeg -version output');
  return match[1]!;
}
