// The first of loudnorm's two passes: measure the clip's loudness (audio only, no video decoded), so the
// second pass, inside the one encoding process, can bring it to the target in linear mode.
import { spawnTied } from './spawn-tied.js';
import { TARGET_LOUDNESS, type LoudnessMeasurement } from './renditions.js';

export function parseLoudnorm(stderr: string): LoudnessMeasurement | undefined {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    const json = JSON.parse(stderr.slice(start, end + 1)) as Record<string, string>;
    const keys = ['input_i', 'input_tp', 'input_lra', 'input_thresh', 'target_offset'] as const;
    if (!keys.every((k) => json[k] !== undefined && Number.isFinite(Number(json[k])))) return undefined;
    return Object.fromEntries(keys.map((k) => [k, json[k]])) as unknown as LoudnessMeasurement;
  } catch {
    return undefined;
  }
}

/** Measured loudness, or undefined for silence (-inf), which needs no normalising. */
export function measureLoudness(ffmpeg: string, input: string, timeoutMs: number): Promise<LoudnessMeasurement | undefined> {
  const filter = `loudnorm=I=${TARGET_LOUDNESS.I}:TP=${TARGET_LOUDNESS.TP}:LRA=${TARGET_LOUDNESS.LRA}:print_format=json`;
  return new Promise((resolve, reject) => {
    const child = spawnTied(ffmpeg, ['-hide_banner', '-nostdin', '-nostats', '-i', input, '-vn', '-sn', '-map', '0:a:0', '-af', filter, '-f', 'null', '-']);
    child.stdout.resume(); // the null muxer writes nothing; drained all the same
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`loudness measurement failed (ffmpeg exited with ${code})`));
      resolve(parseLoudnorm(stderr));
    });
  });
}
