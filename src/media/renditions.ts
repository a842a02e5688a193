// The ffmpeg command for a clip's outputs, built as data by a pure function so each case is unit-tested.
import type { VideoFacts } from './probe.js';

export interface RenditionPlan {
  args: string[];
  outputs: { kind: '720p' | 'poster'; file: string; width: number; height: number; mimeType: string }[];
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** Scales so the short side is at most `target`, keeping orientation and aspect, with even sides. */
export function fitShortSide(width: number, height: number, target: number): { width: number; height: number } {
  const short = Math.min(width, height);
  const scale = short > target ? target / short : 1;
  return { width: even(width * scale), height: even(height * scale) };
}

export function planRenditions(input: string, outDir: string, facts: VideoFacts): RenditionPlan {
  const size = fitShortSide(facts.width, facts.height, 720);
  // A frame a little into the clip: the first is often black.
  const posterAt = Math.min(1, facts.durationSec / 2).toFixed(2);
  const video = `${outDir}/720p.mp4`;
  const poster = `${outDir}/poster.jpg`;
  return {
    args: [
      '-hide_banner', '-nostdin', '-y', '-nostats', '-progress', 'pipe:1',
      '-i', input,
      '-map', '0:v:0', '-map', '0:a:0?',
      '-vf', `scale=${size.width}:${size.height}`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
      '-crf', '23', '-maxrate', '3M', '-bufsize', '6M',
      '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2',
      '-movflags', '+faststart',
      video,
      '-map', '0:v:0', '-ss', posterAt, '-frames:v', '1', '-vf', `scale=${size.width}:${size.height}`, '-q:v', '3',
      poster,
    ],
    outputs: [
      { kind: '720p', file: video, ...size, mimeType: 'video/mp4' },
      { kind: 'poster', file: poster, ...size, mimeType: 'image/jpeg' },
    ],
  };
}
