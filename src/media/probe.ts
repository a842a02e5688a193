// ffprobe as JSON, and the pure judgement of whether a file is a video we can process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface ProbeResult {
  streams: Array<{
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    duration?: string;
    tags?: Record<string, string>;
    side_data_list?: Array<{ rotation?: number }>;
  }>;
  format?: { duration?: string; format_name?: string; size?: string };
}

export interface VideoFacts {
  width: number;
  height: number;
  durationSec: number;
  hasAudio: boolean;
}

export class NotAVideoError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotAVideoError';
  }
}

export async function probe(ffprobe: string, path: string): Promise<ProbeResult> {
  try {
    const { stdout } = await promisify(execFile)(
      ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
      { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as ProbeResult;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw error; // ffprobe itself is missing
    throw new NotAVideoError('the file is not a readable video (ffprobe could not read it)');
  }
}

/** The facts the pipeline needs, or NotAVideoError naming why the file cannot be a clip. */
export function videoFacts(result: ProbeResult): VideoFacts {
  const video = result.streams.find((s) => s.codec_type === 'video' && s.codec_name !== 'mjpeg' && s.codec_name !== 'png');
  if (!video || !video.width || !video.height) throw new NotAVideoError('the file has no video stream');
  const durationSec = Number(result.format?.duration ?? video.duration);
  if (!Number.isFinite(durationSec) || durationSec <= 0) throw new NotAVideoError('the video has no duration');
  return {
    width: video.width,
    height: video.height,
    durationSec,
    hasAudio: result.streams.some((s) => s.codec_type === 'audio'),
  };
}
