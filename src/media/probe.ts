// ffprobe as JSON, and the facts of a video the pipeline plans with (sizes as displayed, after rotation).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { colourFacts, type ColourFacts, type ProbedColourStream } from './colour.js';

export interface ProbeResult {
  streams: Array<
    Omit<ProbedColourStream, 'side_data_list'> & {
      codec_type?: string;
      codec_name?: string;
      width?: number;
      height?: number;
      duration?: string;
      avg_frame_rate?: string;
      r_frame_rate?: string;
      nb_frames?: string;
      tags?: Record<string, string>;
      side_data_list?: Array<{ side_data_type?: string; rotation?: number | string; dv_profile?: number; dv_bl_signal_compatibility_id?: number }>;
    }
  >;
  format?: { duration?: string; format_name?: string; size?: string };
}

export interface VideoFacts {
  /** As displayed: a phone's portrait clip stored landscape with a rotation tag counts as portrait. */
  width: number;
  height: number;
  durationSec: number;
  /** The video stream's own length (the container's when it does not say). */
  videoSec: number;
  hasAudio: boolean;
  /** Average frames per second. */
  fps: number;
  /** The container's rate differs from the average: variable frame rate. */
  variableFrameRate: boolean;
  rotation: number;
  /** HDR curve, gamut, bit depth and Dolby Vision; absent means 8-bit bt709 (what an untagged file is taken for). */
  colour?: ColourFacts;
}

export class NotAVideoError extends Error {
  constructor(
    readonly code: 'unreadable' | 'no_video' | 'no_duration',
    reason: string,
  ) {
    super(reason);
    this.name = 'NotAVideoError';
  }
  get reason() {
    return this.message;
  }
}

export async function probe(ffprobe: string, path: string): Promise<ProbeResult> {
  try {
    const { stdout } = await promisify(execFile)(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], {
      timeout: 30_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as ProbeResult;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw error; // ffprobe itself is missing
    throw new NotAVideoError('unreadable', 'the file is not a readable video (ffprobe could not read it)');
  }
}

const rate = (value: string | undefined) => {
  const [n, d] = (value ?? '').split('/').map(Number);
  return n && d ? n / d : 0;
};

/** The facts the pipeline needs, or NotAVideoError naming why the file cannot be a clip. */
export function videoFacts(result: ProbeResult): VideoFacts {
  const video = result.streams.find((s) => s.codec_type === 'video' && !['mjpeg', 'png', 'bmp', 'gif'].includes(s.codec_name ?? ''));
  if (!video || !video.width || !video.height) throw new NotAVideoError('no_video', 'the file has no video stream');
  const durationSec = Number(result.format?.duration ?? video.duration);
  if (!Number.isFinite(durationSec) || durationSec <= 0) throw new NotAVideoError('no_duration', 'the video has no duration');
  const videoSec = Number(video.duration);
  const rotation = Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0);
  const sideways = Math.abs(rotation) % 180 === 90;
  const average = rate(video.avg_frame_rate);
  const nominal = rate(video.r_frame_rate);
  return {
    width: sideways ? video.height : video.width,
    height: sideways ? video.width : video.height,
    durationSec,
    videoSec: Number.isFinite(videoSec) && videoSec > 0 ? Math.min(videoSec, durationSec) : durationSec,
    hasAudio: result.streams.some((s) => s.codec_type === 'audio'),
    fps: average || nominal || 30,
    variableFrameRate: average > 0 && nominal > 0 && Math.abs(average - nominal) > 0.01 * nominal,
    rotation,
    colour: colourFacts(video),
  };
}
