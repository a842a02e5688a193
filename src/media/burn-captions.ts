// The ffmpeg command that burns a clip's captions into its 720p for the Telegram channel (watched muted on
// phones), built as data. It reads the 720p rendition, draws the WebVTT with libass (the subtitles filter)
// in DejaVu Sans, which has every Vietnamese diacritic, and copies the sound as it is. The output is tagged
// as the 720p is: H.264 High yuv420p bt709, +faststart, no metadata.

import { BT709_TAGS } from './colour.js';
import { PUBLIC_MP4 } from './renditions.js';

export interface BurnPlan {
  args: string[];
  /** The file ffmpeg writes, inside `cwd`. */
  output: string;
  cwd: string;
}

export const BURN_FONT = 'DejaVu Sans';

/**
 * `captionsFile` and `output` are names inside `workDir`, where ffmpeg runs: the filter graph then holds
 * no path to escape. `height` is the 720p's, to size the letters to the picture.
 */
export function planCaptionBurn(
  input: string,
  workDir: string,
  options: { captionsFile: string; height: number; width: number; preset: string; threads: number },
): BurnPlan {
  const output = 'burned.mp4';
  // libass scales its script resolution to the picture; these sizes are for a 288-line script (its default).
  const portrait = options.height > options.width;
  const style = [
    `FontName=${BURN_FONT}`,
    `FontSize=${portrait ? 12 : 18}`,
    'PrimaryColour=&H00FFFFFF',
    'OutlineColour=&H80000000',
    'BorderStyle=1',
    'Outline=1.5',
    'Shadow=0',
    'MarginV=18',
  ];
  const filter = `subtitles=filename=${options.captionsFile}:charenc=UTF-8:force_style='${style.join(',')}',format=yuv420p`;
  const args = [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-nostats',
    '-progress',
    'pipe:1',
    '-i',
    input,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-vf',
    filter,
    '-c:v',
    'libx264',
    '-preset',
    options.preset,
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-crf',
    '22',
    '-maxrate',
    '3M',
    '-bufsize',
    '6M',
    ...(options.threads > 0 ? ['-threads', String(options.threads)] : []),
    ...BT709_TAGS,
    // The 720p's keyframes (every 2 s) are kept where they were.
    '-force_key_frames',
    'source',
    '-c:a',
    'copy',
    ...PUBLIC_MP4,
    output,
  ];
  return { args, output, cwd: workDir };
}
