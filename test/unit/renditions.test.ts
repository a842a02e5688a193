import { describe, expect, it } from 'vitest';
import { fitShortSide, planRenditions, type EncodeSettings } from '../../src/media/renditions.js';
import { NotAVideoError, videoFacts, type VideoFacts } from '../../src/media/probe.js';

const facts = (over: Partial<VideoFacts> = {}): VideoFacts => ({
  width: 1920,
  height: 1080,
  durationSec: 10,
  videoSec: 10,
  hasAudio: true,
  fps: 30,
  variableFrameRate: false,
  rotation: 0,
  ...over,
});
const settings: EncodeSettings = { preset: 'veryfast', threads: 0 };
const plan = (f: VideoFacts, s: EncodeSettings = settings) => planRenditions('/in/source.mp4', '/out/tmp-1', f, s);
const valueAfter = (args: string[], flag: string, from = 0) => args[args.indexOf(flag, from) + 1];
const graphOf = (args: string[]) => valueAfter(args, '-filter_complex')!;
/** The options given to one output file: from after the previous output's name up to this one. */
function optionsFor(args: string[], file: string): string[] {
  const end = args.indexOf(file);
  const start = args.lastIndexOf('-map', args.lastIndexOf('-map', end) - 1);
  return args.slice(start, end);
}

describe('rendition plan: one ffmpeg process for every output', () => {
  it('reads the source once and writes 1080p, 720p, a poster and thumbnails from one filter graph', () => {
    const { args, outputs } = plan(facts());
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(outputs.map((o) => o.file)).toEqual(['1080p.mp4', '720p.mp4', 'poster.jpg', 'thumb-1.jpg', 'thumb-2.jpg', 'thumb-3.jpg', 'thumb-4.jpg']);
    expect(outputs[0]).toMatchObject({ width: 1920, height: 1080 });
    expect(outputs[1]).toMatchObject({ width: 1280, height: 720 });
    // Output names are relative: ffmpeg runs in the temporary folder, the plan says which.
    expect(args).toContain('720p.mp4');
    expect(plan(facts()).cwd).toBe('/out/tmp-1');
    expect(graphOf(args)).toMatch(/^\[0:v:0\]fps=30,format=yuv420p,split=4/);
  });

  it('encodes each video as H.264 High yuv420p, a keyframe every 2 s, capped bitrate, AAC 128k 48 kHz stereo, faststart', () => {
    const { args } = plan(facts({ fps: 25 }));
    for (const file of ['1080p.mp4', '720p.mp4']) {
      const o = optionsFor(args, file);
      expect(valueAfter(o, '-c:v')).toBe('libx264');
      expect(valueAfter(o, '-profile:v')).toBe('high');
      expect(valueAfter(o, '-pix_fmt')).toBe('yuv420p');
      expect(valueAfter(o, '-g')).toBe('50');
      expect(valueAfter(o, '-keyint_min')).toBe('50');
      expect(valueAfter(o, '-sc_threshold')).toBe('0');
      expect(valueAfter(o, '-maxrate')).toMatch(/^\d+M$/);
      expect(valueAfter(o, '-bufsize')).toMatch(/^\d+M$/);
      expect(valueAfter(o, '-c:a')).toBe('aac');
      expect(valueAfter(o, '-b:a')).toBe('128k');
      expect(valueAfter(o, '-ar')).toBe('48000');
      expect(valueAfter(o, '-ac')).toBe('2');
      expect(valueAfter(o, '-movflags')).toBe('+faststart');
      expect(valueAfter(o, '-map_metadata')).toBe('-1');
    }
    expect(Number.parseInt(valueAfter(optionsFor(args, '1080p.mp4'), '-maxrate')!)).toBeGreaterThan(
      Number.parseInt(valueAfter(optionsFor(args, '720p.mp4'), '-maxrate')!),
    );
  });

  it('makes 1080p only when the source has at least 1080 lines, and never upscales', () => {
    expect(plan(facts({ width: 1280, height: 720 })).outputs.filter((o) => o.mimeType === 'video/mp4')).toEqual([
      expect.objectContaining({ kind: '720p', width: 1280, height: 720 }),
    ]);
    expect(plan(facts({ width: 1600, height: 900 })).outputs.map((o) => o.kind)).not.toContain('1080p');
    expect(plan(facts({ width: 640, height: 360 })).outputs[0]).toMatchObject({ kind: '720p', width: 640, height: 360 });
    expect(plan(facts({ width: 3840, height: 2160 })).outputs[0]).toMatchObject({ kind: '1080p', width: 1920, height: 1080 });
  });

  it('keeps portrait clips portrait, scaling by the short side', () => {
    const { outputs, args } = plan(facts({ width: 1080, height: 1920 }));
    expect(outputs.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: '1080p', width: 1080, height: 1920 }),
      expect.objectContaining({ kind: '720p', width: 720, height: 1280 }),
    ]);
    expect(graphOf(args)).toContain('scale=720:1280');
    expect(fitShortSide(1001, 701, 720)).toEqual({ width: 1002, height: 702 });
  });

  it('honours rotation metadata: a phone clip stored landscape with a 90° tag comes out portrait', () => {
    const probed = videoFacts({
      streams: [
        {
          codec_type: 'video',
          codec_name: 'h264',
          width: 1920,
          height: 1080,
          avg_frame_rate: '30/1',
          r_frame_rate: '30/1',
          side_data_list: [{ rotation: -90 }],
        },
      ],
      format: { duration: '5' },
    });
    expect(probed).toMatchObject({ width: 1080, height: 1920, rotation: -90 });
    const { args, outputs } = plan(probed);
    expect(outputs[1]).toMatchObject({ width: 720, height: 1280 });
    // ffmpeg turns decoded frames upright itself unless told not to.
    expect(args).not.toContain('-noautorotate');
    expect(videoFacts({ streams: [{ codec_type: 'video', width: 1280, height: 720, tags: { rotate: '270' } }], format: { duration: '1' } })).toMatchObject({
      width: 720,
      height: 1280,
    });
  });

  it('makes a variable frame rate constant', () => {
    const probed = videoFacts({
      streams: [{ codec_type: 'video', codec_name: 'h264', width: 1280, height: 720, avg_frame_rate: '2397/100', r_frame_rate: '60/1' }],
      format: { duration: '5' },
    });
    expect(probed).toMatchObject({ variableFrameRate: true });
    const { args } = plan(probed);
    expect(graphOf(args)).toMatch(/^\[0:v:0\]fps=24,/);
    // The fps filter is what makes the rate constant; asking the muxer for it too only cost time (bench).
    expect(valueAfter(optionsFor(args, '720p.mp4'), '-g')).toBe('48');
    // Rates outside what phones and players handle well are brought in range.
    expect(graphOf(plan(facts({ fps: 120 })).args)).toMatch(/fps=30,/);
    expect(graphOf(plan(facts({ fps: 5 })).args)).toMatch(/fps=15,/);
  });

  it('gives a clip with no audio a silent stereo track of its length', () => {
    const { args } = plan(facts({ hasAudio: false, durationSec: 7.5 }));
    expect(args.filter((a) => a === '-i')).toHaveLength(2);
    expect(valueAfter(args, '-t')).toBe('7.500');
    expect(valueAfter(args, '-i', args.indexOf('-i') + 1)).toMatch(/^anullsrc=channel_layout=stereo:sample_rate=48000$/);
    expect(graphOf(args)).toContain('[1:a]aresample=48000');
    expect(graphOf(args)).not.toContain('[0:a');
    expect(graphOf(plan(facts()).args)).toContain('[0:a:0]aresample=48000');
  });

  it('normalises audio to -14 LUFS with the first pass measurements, in linear mode', () => {
    const loudness = { input_i: '-31.20', input_tp: '-12.40', input_lra: '3.10', input_thresh: '-41.60', target_offset: '0.35' };
    const graph = graphOf(plan(facts(), { ...settings, loudness }).args);
    expect(graph).toContain(
      'loudnorm=I=-14:TP=-1.5:LRA=11:measured_I=-31.20:measured_TP=-12.40:measured_LRA=3.10:measured_thresh=-41.60:offset=0.35:linear=true',
    );
    // loudnorm works at 192 kHz: back to 48 kHz before the encoders.
    expect(graph).toMatch(/loudnorm=[^,;]+,aresample=48000/);
    // Nothing measured (silence): nothing to normalise.
    expect(graphOf(plan(facts()).args)).not.toContain('loudnorm');
  });

  it('takes the poster from a batch of frames a little into the clip, not the first frame', () => {
    const graph = graphOf(plan(facts({ durationSec: 10 })).args);
    // 30 frames from 1 s on are compared; the rest of the clip stops at trim, costing nothing.
    expect(graph).toMatch(/trim=start=1\.00:duration=1\.033,setpts=PTS-STARTPTS,thumbnail=n=30,scale=1280:720\[poster\]/);
    // A clip shorter than 3 s: a third of the way in.
    expect(graphOf(plan(facts({ durationSec: 1.5 })).args)).toContain('trim=start=0.50');
    const { args } = plan(facts());
    expect(valueAfter(args, '-frames:v', args.indexOf('[poster]'))).toBe('1');
  });

  it('spreads four thumbnails over the clip', () => {
    const { args } = plan(facts({ durationSec: 20, width: 1080, height: 1920 }));
    expect(graphOf(args)).toContain('fps=fps=4/20.000,scale=180:320[thumbs]');
    expect(args.slice(args.indexOf('[thumbs]'))).toEqual(expect.arrayContaining(['-frames:v', '4', 'thumb-%d.jpg']));
  });

  it('passes the thread count and preset through', () => {
    const { args } = plan(facts(), { preset: 'faster', threads: 2 });
    expect(valueAfter(args, '-filter_complex_threads')).toBe('2');
    expect(valueAfter(optionsFor(args, '720p.mp4'), '-threads')).toBe('2');
    expect(valueAfter(optionsFor(args, '720p.mp4'), '-preset')).toBe('faster');
    expect(plan(facts()).args).not.toContain('-threads');
  });
});

describe('video facts from ffprobe', () => {
  it('refuses a file with no video stream', () => {
    expect(() => videoFacts({ streams: [{ codec_type: 'audio' }], format: { duration: '3' } })).toThrow(NotAVideoError);
    expect(() => videoFacts({ streams: [{ codec_type: 'video', codec_name: 'png', width: 10, height: 10 }] })).toThrow('no video stream');
    expect(() => videoFacts({ streams: [{ codec_type: 'video', codec_name: 'h264', width: 10, height: 10 }], format: {} })).toThrow('no duration');
  });

  it('reads size, duration, frame rate and audio', () => {
    expect(
      videoFacts({
        streams: [
          { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, duration: '2.4', avg_frame_rate: '30000/1001', r_frame_rate: '30000/1001' },
          { codec_type: 'audio' },
        ],
        format: { duration: '2.5' },
      }),
    ).toEqual({ width: 1920, height: 1080, durationSec: 2.5, videoSec: 2.4, hasAudio: true, fps: 30000 / 1001, variableFrameRate: false, rotation: 0 });
  });
});
