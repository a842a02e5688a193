import { describe, expect, it } from 'vitest';
import { fitShortSide, planRenditions, targetFps, type EncodeSettings } from '../../src/media/renditions.js';
import { NotAVideoError, videoFacts, type ProbeResult, type VideoFacts } from '../../src/media/probe.js';
import { colourPath, hasNoCompatibleBaseLayer, toBt709Filters, type ColourFacts } from '../../src/media/colour.js';

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
    ).toEqual({
      width: 1920,
      height: 1080,
      durationSec: 2.5,
      videoSec: 2.4,
      hasAudio: true,
      fps: 30000 / 1001,
      variableFrameRate: false,
      rotation: 0,
      // Nothing said about colour: taken for 8-bit bt709.
      colour: {},
    });
  });
});

// Issue 19: phone clips in HDR (HLG, PQ, Dolby Vision 8.x), 10-bit, bt2020, 4K and 60 fps.
describe('rendition plan: colour, 4K and high frame rates', () => {
  const hlg: ColourFacts = { transfer: 'arib-std-b67', primaries: 'bt2020', matrix: 'bt2020nc', range: 'tv', pixelFormat: 'yuv420p10le' };
  const pq: ColourFacts = { ...hlg, transfer: 'smpte2084' };
  /** The filters before the graph splits into one branch per output. */
  const headOf = (args: string[]) => /^\[0:v:0\](.*),split=\d/.exec(graphOf(args).split(';')[0]!)![1]!.split(',');

  it('leaves an 8-bit bt709 source as it always was: no tone-map, no zscale', () => {
    for (const colour of [undefined, { transfer: 'bt709', primaries: 'bt709', matrix: 'bt709', pixelFormat: 'yuv420p' }]) {
      expect(headOf(plan(facts({ colour })).args)).toEqual(['fps=30', 'format=yuv420p']);
    }
    expect(colourPath({ pixelFormat: 'yuvj420p' })).toBe('sdr');
  });

  it('tags every H.264 output bt709, limited range, whatever the source', () => {
    for (const colour of [undefined, hlg, pq]) {
      const { args } = plan(facts({ colour }));
      for (const file of ['1080p.mp4', '720p.mp4']) {
        const o = optionsFor(args, file);
        expect([valueAfter(o, '-color_primaries'), valueAfter(o, '-color_trc'), valueAfter(o, '-colorspace'), valueAfter(o, '-color_range')]).toEqual([
          'bt709',
          'bt709',
          'bt709',
          'tv',
        ]);
        expect(valueAfter(o, '-pix_fmt')).toBe('yuv420p');
        expect(valueAfter(o, '-profile:v')).toBe('high');
      }
    }
  });

  it('tone-maps an HLG source once, before the split, so renditions, poster and thumbnails all get SDR frames', () => {
    const head = headOf(plan(facts({ colour: hlg })).args);
    expect(head).toEqual([
      'fps=30',
      'zscale=tin=arib-std-b67:min=bt2020nc:pin=bt2020:rin=limited:t=linear:npl=100',
      'format=gbrpf32le',
      'zscale=p=bt709',
      'tonemap=tonemap=mobius:desat=0',
      'zscale=t=bt709:m=bt709:r=limited',
      'format=yuv420p',
    ]);
    expect(graphOf(plan(facts({ colour: hlg })).args).match(/tonemap=tonemap/g)).toHaveLength(1);
  });

  it('tone-maps a PQ (HDR10) source from its own curve', () => {
    expect(headOf(plan(facts({ colour: pq })).args)[1]).toBe('zscale=tin=smpte2084:min=bt2020nc:pin=bt2020:rin=limited:t=linear:npl=100');
    // A source that names no matrix or primaries still gets the ones HDR uses, which zscale needs.
    expect(toBt709Filters({ transfer: 'smpte2084' })[0]).toBe('zscale=tin=smpte2084:min=bt2020nc:pin=bt2020:rin=limited:t=linear:npl=100');
  });

  it('brings a 10-bit SDR source to 8 bits without a colour shift, and converts a bt2020 SDR gamut', () => {
    const deep = { transfer: 'bt709', primaries: 'bt709', matrix: 'bt709', pixelFormat: 'yuv420p10le' };
    expect(colourPath(deep)).toBe('sdr-deep');
    expect(headOf(plan(facts({ colour: deep })).args)).toEqual(['fps=30', 'format=yuv420p']);
    const wide = { transfer: 'bt2020-10', primaries: 'bt2020', matrix: 'bt2020nc', pixelFormat: 'yuv420p10le' };
    expect(headOf(plan(facts({ colour: wide })).args)).toEqual([
      'fps=30',
      'zscale=tin=bt709:min=bt2020nc:pin=bt2020:rin=limited:t=bt709:m=bt709:p=bt709:r=limited',
      'format=yuv420p',
    ]);
  });

  it('reads a 4K60 HEVC HLG source down to 1080p30 BEFORE the costly tone-map, halving the rate', () => {
    const f = facts({ width: 3840, height: 2160, fps: 60, colour: hlg });
    const { args, outputs } = plan(f);
    const head = headOf(args);
    expect(head.slice(0, 2)).toEqual(['fps=30', 'scale=1920:1080']);
    expect(head.indexOf('scale=1920:1080')).toBeLessThan(head.findIndex((x) => x.startsWith('tonemap')));
    expect(outputs.filter((o) => o.mimeType === 'video/mp4').map((o) => [o.width, o.height])).toEqual([
      [1920, 1080],
      [1280, 720],
    ]);
    expect(valueAfter(optionsFor(args, '1080p.mp4'), '-g')).toBe('60');
    // A large SDR source is scaled once at the head too; a 1080p one is not scaled there.
    expect(headOf(plan(facts({ width: 2160, height: 3840 })).args)).toEqual(['fps=30', 'scale=1080:1920', 'format=yuv420p']);
    expect(headOf(plan(facts()).args)).not.toContain('scale=1920:1080');
  });

  it('halves (or quarters) rates above 30 fps so no frames judder; keeps a variable rate capped as before', () => {
    expect([60, 59.94, 50, 48, 120, 100, 30, 29.97, 25, 24].map((fps) => targetFps(facts({ fps })))).toEqual([30, 30, 25, 24, 30, 25, 30, 30, 25, 24]);
    expect(targetFps(facts({ fps: 45, variableFrameRate: true }))).toBe(30);
    expect(graphOf(plan(facts({ fps: 50 })).args)).toMatch(/^\[0:v:0\]fps=25,/);
  });
});

describe('colour facts from ffprobe (HDR, Dolby Vision, an iPhone .mov)', () => {
  // As ffprobe 5.1 prints an iPhone 13 HDR .mov: HEVC Main 10 HLG with a Dolby Vision 8.4 record, rotated
  // for portrait, AAC, and four QuickTime metadata tracks (mebx) that carry no picture or sound.
  const iphone: ProbeResult = {
    streams: [
      {
        codec_type: 'video',
        codec_name: 'hevc',
        width: 1920,
        height: 1080,
        pix_fmt: 'yuv420p10le',
        color_range: 'tv',
        color_space: 'bt2020nc',
        color_transfer: 'arib-std-b67',
        color_primaries: 'bt2020',
        avg_frame_rate: '30/1',
        r_frame_rate: '30/1',
        duration: '4.000000',
        side_data_list: [
          { side_data_type: 'DOVI configuration record', dv_profile: 8, dv_bl_signal_compatibility_id: 4 },
          { side_data_type: 'Display Matrix', rotation: -90 },
        ],
      },
      { codec_type: 'audio', codec_name: 'aac' },
      { codec_type: 'data', codec_name: 'none', tags: { handler_name: 'Core Media Metadata' } },
      { codec_type: 'data', codec_name: 'none', tags: { handler_name: 'Core Media Metadata' } },
    ],
    format: { duration: '4.01', format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
  };

  it('reads an iPhone HDR .mov through its HLG base layer, portrait, mapping only its picture and sound', () => {
    const f = videoFacts(iphone);
    expect(f).toMatchObject({ width: 1080, height: 1920, rotation: -90, hasAudio: true });
    expect(f.colour?.dolbyVision).toEqual({ profile: 8, compatibility: 4 });
    expect(colourPath(f.colour)).toBe('hlg');
    const { args } = plan(f);
    expect(graphOf(args).split(';')[0]).toContain('tin=arib-std-b67');
    // Only the first picture and the first sound go in: metadata tracks never reach an output.
    expect(graphOf(args).match(/\[0:[a-z]+(:\d+)?\]/g)).toEqual(['[0:v:0]', '[0:a:0]']);
    expect(args.filter((_, i) => args[i - 1] === '-map').every((m) => /^\[\w+\]$/.test(m))).toBe(true);
    // Where it was filmed is in the container's metadata: none is copied.
    expect(valueAfter(optionsFor(args, '720p.mp4'), '-map_metadata')).toBe('-1');
  });

  it('takes a Dolby Vision base layer curve from its compatibility id when the stream does not say', () => {
    expect(colourPath({ dolbyVision: { profile: 8, compatibility: 1 } })).toBe('pq');
    expect(colourPath({ dolbyVision: { profile: 8, compatibility: 4 }, transfer: 'unknown' })).toBe('hlg');
    expect(colourPath({ dolbyVision: { profile: 8, compatibility: 2 }, transfer: 'bt709', pixelFormat: 'yuv420p10le' })).toBe('sdr-deep');
  });

  it('knows Dolby Vision profile 5 has no base layer to show', () => {
    const probed = structuredClone(iphone);
    probed.streams[0]!.color_transfer = undefined;
    probed.streams[0]!.side_data_list = [{ side_data_type: 'DOVI configuration record', dv_profile: 5, dv_bl_signal_compatibility_id: 0 }];
    const colour = videoFacts(probed).colour;
    expect(hasNoCompatibleBaseLayer(colour)).toBe(true);
    expect(hasNoCompatibleBaseLayer(videoFacts(iphone).colour)).toBe(false);
  });
});

describe('rendition plan: loudness and the poster, cheaply (issue 19)', () => {
  it('normalises sound to -14 LUFS in the encode itself (one pass), then back to 48 kHz', () => {
    const graph = graphOf(plan(facts()).args);
    expect(graph).toContain('[0:a:0]aresample=48000,aformat=channel_layouts=stereo,loudnorm=I=-14:TP=-1.5:LRA=11,aresample=48000,asplit=2[a0][a1]');
    // No measuring pass: the source is read by one ffmpeg process only.
    expect(graph).not.toContain('measured_');
    // The silent track of a clip without sound has nothing to normalise.
    expect(graphOf(plan(facts({ hasAudio: false })).args)).not.toContain('loudnorm');
  });

  it('takes the poster from ten frames over two seconds a little into the clip, not the first frame', () => {
    const graph = graphOf(plan(facts({ durationSec: 10 })).args);
    // Five frames a second are compared, a third of every frame at 30 fps; the rest of the clip stops at trim.
    expect(graph).toMatch(/trim=start=1\.00:duration=2\.200,setpts=PTS-STARTPTS,fps=5,thumbnail=n=10,scale=1280:720\[poster\]/);
    // A clip shorter than 3 s: a third of the way in, among the frames there are.
    expect(graphOf(plan(facts({ durationSec: 1.5 })).args)).toMatch(/trim=start=0\.50:duration=1\.000,setpts=PTS-STARTPTS,fps=5,thumbnail=n=4,/);
    expect(graphOf(plan(facts({ durationSec: 0.3 })).args)).toMatch(/thumbnail=n=1,/);
    const { args } = plan(facts());
    expect(valueAfter(args, '-frames:v', args.indexOf('[poster]'))).toBe('1');
  });
});
