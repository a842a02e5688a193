// Runs ffmpeg, reporting progress from its `-progress` output; knows nothing of queues or databases.
import { spawnTied } from './spawn-tied.js';

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export function runFfmpeg(
  ffmpeg: string,
  args: string[],
  options: { durationSec: number; timeoutMs: number; cwd?: string; onProgress?: (percent: number) => void },
): Promise<{ frames: number; stderrTail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnTied(ffmpeg, args, { cwd: options.cwd });
    let stderr = '';
    let lastPercent = -1;
    let frames = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // key=value lines; a chunk may end mid-line.
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [key, value] = line.split('=');
        // Video frames written to the first output: what a truncated source comes up short on.
        if (key === 'frame') frames = Number(value);
        if (key !== 'out_time_us' || !Number.isFinite(Number(value))) continue;
        const percent = Math.min(99, Math.max(0, Math.floor((Number(value) / 1e6 / options.durationSec) * 100)));
        if (percent > lastPercent) {
          lastPercent = percent;
          options.onProgress?.(percent);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ frames, stderrTail: stderr });
      else reject(new FfmpegError(signal ? `ffmpeg was killed (${signal})` : `ffmpeg exited with code ${code}`, stderr));
    });
  });
}
