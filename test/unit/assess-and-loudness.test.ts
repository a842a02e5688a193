import { describe, expect, it } from 'vitest';
import { assessVideo } from '../../src/media/assess.js';
import { parseLoudnorm } from '../../src/media/loudness.js';
import type { VideoFacts } from '../../src/media/probe.js';

const facts = (over: Partial<VideoFacts>): VideoFacts => ({
  width: 1280,
  height: 720,
  durationSec: 10,
  videoSec: 10,
  hasAudio: true,
  fps: 30,
  variableFrameRate: false,
  rotation: 0,
  ...over,
});
const limits = { minSeconds: 1, maxSeconds: 1800 };

describe('which videos can become clips', () => {
  it('accepts ordinary landscape and portrait clips from 360p up', () => {
    expect(assessVideo(facts({}), limits)).toBeUndefined();
    expect(assessVideo(facts({ width: 360, height: 640 }), limits)).toBeUndefined();
    expect(assessVideo(facts({ width: 3840, height: 2160 }), limits)).toBeUndefined();
  });

  it('rejects below 360p, naming the size', () => {
    expect(assessVideo(facts({ width: 640, height: 358 }), limits)).toEqual({ code: 'too_small', args: { width: '640', height: '358', min: 360 } });
  });

  it('rejects absurd dimensions: a 1-pixel-wide strip, a panorama, a giant frame', () => {
    expect(assessVideo(facts({ width: 1, height: 720 }), limits)?.code).toBe('bad_dimensions');
    expect(assessVideo(facts({ width: 4000, height: 500 }), limits)?.code).toBe('bad_dimensions');
    expect(assessVideo(facts({ width: 16384, height: 9216 }), limits)?.code).toBe('bad_dimensions');
  });

  it('rejects durations outside CLIP_MIN_SECONDS..CLIP_MAX_SECONDS', () => {
    expect(assessVideo(facts({ durationSec: 0.4 }), limits)).toEqual({ code: 'too_short', args: { seconds: 0.4, min: 1 } });
    expect(assessVideo(facts({ durationSec: 1801 }), limits)).toEqual({ code: 'too_long', args: { seconds: 1801, max: 1800 } });
    expect(assessVideo(facts({ durationSec: 1800 }), limits)).toBeUndefined();
  });
});

describe("loudnorm's first pass", () => {
  const stderr = `[Parsed_loudnorm_0 @ 0x55] \n{\n\t"input_i" : "-31.52",\n\t"input_tp" : "-14.03",\n\t"input_lra" : "2.40",\n\t"input_thresh" : "-41.89",\n\t"output_i" : "-14.20",\n\t"output_tp" : "-1.50",\n\t"output_lra" : "1.90",\n\t"output_thresh" : "-24.50",\n\t"normalization_type" : "dynamic",\n\t"target_offset" : "0.20"\n}\n`;

  it('reads the measurements the second pass needs', () => {
    expect(parseLoudnorm(stderr)).toEqual({ input_i: '-31.52', input_tp: '-14.03', input_lra: '2.40', input_thresh: '-41.89', target_offset: '0.20' });
  });

  it('gives nothing for silence (-inf) or output without the JSON', () => {
    expect(parseLoudnorm(stderr.replace('"-31.52"', '"-inf"'))).toBeUndefined();
    expect(parseLoudnorm('Output #0, null, to pipe:')).toBeUndefined();
  });
});
