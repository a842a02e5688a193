// The ffmpeg command for all of a clip's outputs, built as data by a pure function so that each case is
// unit-tested: ONE process decodes the source once and writes every rendition, the poster and the
// thumbnails (a filter graph splits the decoded frames).
import type { VideoFacts } from './probe.js';
import { BT709_TAGS, toBt709Filters } from './colour.js';

export type OutputKind = '1080p' | '720p' | 'poster' | 'thumb';

export interface PlannedOutput {
  kind: OutputKind;
  /** File name inside the output folder. */
  file: string;
  width: number;
  height: number;
  mimeType: string;
}

export interface EncodeSettings {
  /** x264 preset: faster presets trade size for speed. */
  preset: string;
  /** ffmpeg threads; 0 lets ffmpeg decide. */
  threads: number;
}

export interface RenditionPlan {
  args: string[];
  outputs: PlannedOutput[];
  /** The folder ffmpeg runs in and writes to. */
  cwd: string;
}

/** An MP4 for the public: playable while it downloads; where a phone filmed it (its metadata) never goes out. */
export const PUBLIC_MP4 = ['-movflags', '+faststart', '-map_metadata', '-1', '-map_chapters', '-1'];

export const TARGET_LOUDNESS = { I: -14, TP: -1.5, LRA: 11 };
export const THUMBNAILS = 4;
/** The poster is chosen among at most POSTER_FRAMES frames, taken POSTER_RATE a second. */
const POSTER_RATE = 5;
const POSTER_FRAMES = 10;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** Scales so that the short side is at most `target`, keeping orientation and aspect, with even sides. */
export function fitShortSide(width: number, height: number, target: number): { width: number; height: number } {
  const short = Math.min(width, height);
  const scale = short > target ? target / short : 1;
  return { width: even(width * scale), height: even(height * scale) };
}

/**
 * A constant output rate between 15 and 30 frames per second: the source's, rounded; a steady source above 30
 * gets half (or a third, a quarter) of its rate, so every kept frame is evenly spaced (60→30, 50→25, 48→24).
 */
export function targetFps(facts: VideoFacts): number {
  const divisor = facts.variableFrameRate ? 1 : Math.max(1, Math.ceil(facts.fps / 30.5));
  return Math.min(30, Math.max(15, Math.round(facts.fps / divisor)));
}

const rungs = [
  { kind: '1080p', short: 1080, maxrate: '5M', bufsize: '10M', crf: '21' },
  { kind: '720p', short: 720, maxrate: '3M', bufsize: '6M', crf: '22' },
] as const;

export function planRenditions(input: string, outDir: string, facts: VideoFacts, settings: EncodeSettings): RenditionPlan {
  const fps = targetFps(facts);
  const gop = String(2 * fps); // a keyframe every 2 seconds
  const short = Math.min(facts.width, facts.height);
  // 1080p only from a source that has it; 720p always (never upscaled).
  const videos = rungs.filter((r) => r.kind === '720p' || short >= r.short).map((r) => ({ ...r, ...fitShortSide(facts.width, facts.height, r.short) }));
  const posterSize = fitShortSide(facts.width, facts.height, 720);
  const thumbSize = fitShortSide(facts.width, facts.height, 180);
  const d = facts.durationSec;
  // The poster: the most representative of a few frames a little into the clip (not a black first frame),
  // POSTER_RATE a second over two seconds: a third of the frames to compare that every frame would give.
  const posterStart = Math.min(1, d / 3).toFixed(2);
  const posterFrames = Math.max(1, Math.min(POSTER_FRAMES, Math.floor((d - Number(posterStart)) * POSTER_RATE) - 1));

  const branches = videos.length + 2;
  // Fewer and smaller frames first (a 4K60 phone clip becomes ≤1080p30 in its own pixel format), then the
  // colour work once, on what is left; the branches only scale down from there.
  const largest = videos[0]!;
  const downscale = largest.width < facts.width ? [`scale=${largest.width}:${largest.height}`] : [];
  const head = [`fps=${fps}`, ...downscale, ...toBt709Filters(facts.colour)].join(',');
  const graph = [
    `[0:v:0]${head},split=${branches}${Array.from({ length: branches }, (_, i) => `[s${i}]`).join('')}`,
    ...videos.map((v, i) => `[s${i}]scale=${v.width}:${v.height}[v${i}]`),
    // The window ends after those frames: the rest of the clip is dropped here, not scaled and compared.
    `[s${videos.length}]trim=start=${posterStart}:duration=${((posterFrames + 1) / POSTER_RATE).toFixed(3)},setpts=PTS-STARTPTS,fps=${POSTER_RATE},thumbnail=n=${posterFrames},scale=${posterSize.width}:${posterSize.height}[poster]`,
    `[s${videos.length + 1}]fps=fps=${THUMBNAILS}/${d.toFixed(3)},scale=${thumbSize.width}:${thumbSize.height}[thumbs]`,
  ];
  const audioIn = facts.hasAudio ? '[0:a:0]' : '[1:a]';
  // One-pass loudnorm inside the one encode: a separate measuring pass read the whole file again first and
  // cost more wall time than it gained (bench/pipeline). loudnorm works at 192 kHz: back to 48 kHz after.
  const loudnorm = facts.hasAudio ? `,loudnorm=I=${TARGET_LOUDNESS.I}:TP=${TARGET_LOUDNESS.TP}:LRA=${TARGET_LOUDNESS.LRA},aresample=48000` : '';
  graph.push(`${audioIn}aresample=48000,aformat=channel_layouts=stereo${loudnorm},asplit=${videos.length}${videos.map((_, i) => `[a${i}]`).join('')}`);

  const args = ['-hide_banner', '-nostdin', '-y', '-nostats', '-progress', 'pipe:1', '-i', input];
  // A clip without sound gets a silent track, so every player and Telegram treat it alike.
  if (!facts.hasAudio) args.push('-f', 'lavfi', '-t', d.toFixed(3), '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000');
  args.push('-filter_complex', graph.join(';'));
  if (settings.threads > 0) args.push('-filter_complex_threads', String(settings.threads));

  const outputs: PlannedOutput[] = [];
  videos.forEach((v, i) => {
    const file = `${v.kind}.mp4`;
    args.push(
      '-map',
      `[v${i}]`,
      '-map',
      `[a${i}]`,
      '-c:v',
      'libx264',
      '-preset',
      settings.preset,
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
      '-crf',
      v.crf,
      '-maxrate',
      v.maxrate,
      '-bufsize',
      v.bufsize,
      '-g',
      gop,
      '-keyint_min',
      gop,
      '-sc_threshold',
      '0',
      ...BT709_TAGS,
      ...(settings.threads > 0 ? ['-threads', String(settings.threads)] : []),
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ar',
      '48000',
      '-ac',
      '2',
      ...PUBLIC_MP4,
      file,
    );
    outputs.push({ kind: v.kind, file, width: v.width, height: v.height, mimeType: 'video/mp4' });
  });
  args.push('-map', '[poster]', '-frames:v', '1', '-q:v', '3', 'poster.jpg');
  outputs.push({ kind: 'poster', file: 'poster.jpg', ...posterSize, mimeType: 'image/jpeg' });
  args.push('-map', '[thumbs]', '-frames:v', String(THUMBNAILS), '-q:v', '5', 'thumb-%d.jpg');
  for (let n = 1; n <= THUMBNAILS; n++) outputs.push({ kind: 'thumb', file: `thumb-${n}.jpg`, ...thumbSize, mimeType: 'image/jpeg' });
  // Relative output names: ffmpeg runs in the output folder, so no file name can point out of it.
  return { args, outputs, cwd: outDir };
}
