// Why ffmpeg failed, in words staff can act on, and the detail the technical team needs: ffmpeg's last
// lines with secrets and every path outside MEDIA_DIR taken out (a failed clip keeps them).
import { relative, sep } from 'node:path';

export type FailureCode = 'ffmpeg_missing' | 'source_missing' | 'disk_full' | 'timeout' | 'ffmpeg_failed' | 'other';

/** The plain-words class of a failure, from the clip's stored error and detail. */
export function failureCode(error: string | null, detail: string | null): FailureCode {
  const text = `${error ?? ''}\n${detail ?? ''}`;
  if (/spawn \S+ ENOENT|failed to execute|ffmpeg: not found/i.test(text)) return 'ffmpeg_missing';
  if (/No space left on device|ENOSPC/i.test(text)) return 'disk_full';
  if (/No such file or directory|ENOENT/i.test(text)) return 'source_missing';
  if (/killed \(SIGKILL\)|timed out/i.test(text)) return 'timeout';
  if (/ffmpeg/i.test(text)) return 'ffmpeg_failed';
  return 'other';
}

const ABSOLUTE_PATH = /(?<![\w.:/])\/(?:[^\s'":,;<>|]+)/g;

/** ffmpeg's last `lines` lines, scrubbed: paths inside MEDIA_DIR shown relative to it, others hidden. */
export function failureDetail(stderr: string, options: { mediaDir: string; scrub?: (text: string) => string; lines?: number }): string {
  const tail = stderr
    .trimEnd()
    .split('\n')
    .slice(-(options.lines ?? 12))
    .join('\n');
  const paths = tail.replace(ABSOLUTE_PATH, (path) => {
    const inside = relative(options.mediaDir, path);
    return inside && !inside.startsWith('..') && !inside.startsWith(sep) ? `MEDIA_DIR/${inside}` : '[path]';
  });
  return (options.scrub ? options.scrub(paths) : paths).slice(-2000);
}
