// Runs ffmpeg, reporting progress from its `-progress` output; knows nothing of queues or databases.
import { spawn } from 'node:child_process';

export class FfmpegError extends Error {
  constructor(message: string, readonly stderrTail: string) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export function runFfmpeg(
  ffmpeg: string,
  args: string[],
  options: { durationSec: number; timeoutMs: number; onProgress?: (percent: number) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let lastPercent = -1;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/out_time_us=(\d+)/g)) {
        const percent = Math.min(99, Math.floor(Number(match[1]) / 1e6 / options.durationSec * 100));
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
      if (code === 0) resolve();
      else reject(new FfmpegError(signal ? `ffmpeg was killed (${signal})` : `ffmpeg exited with code ${code}`, stderr));
    });
  });
}
