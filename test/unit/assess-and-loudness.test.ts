import { describe, expect, it } from 'vitest';
import { assessVideo } from '../../src/media/assess.js';
import type { VideoFacts } from '../../src/media/probe.js';
import { Messages } from '../../src/i18n/messages.js';

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

describe('Dolby Vision (issue 19)', () => {
  const dovi = (profile: number, compatibility: number): Partial<VideoFacts> => ({
    colour: { transfer: compatibility === 4 ? 'arib-std-b67' : undefined, pixelFormat: 'yuv420p10le', dolbyVision: { profile, compatibility } },
  });

  it('refuses profile 5, which has no base layer a player can show, saying which profile it is, in vi and en', () => {
    const rejection = assessVideo(facts(dovi(5, 0)), limits);
    expect(rejection).toEqual({ code: 'dolby_vision_5', args: { profile: 5 } });
    const messages = new Messages('content/locales');
    expect(messages.t('en', 'clip-rejected', { code: 'dolby_vision_5', ...rejection!.args })).toBe(
      'The video is Dolby Vision profile 5, which cannot be converted. Export it (or film) in HDR10, HLG or SDR instead.',
    );
    expect(messages.t('vi', 'clip-rejected', { code: 'dolby_vision_5', ...rejection!.args })).toMatch(/^Video dùng Dolby Vision .*5.*HDR10, HLG hoặc SDR\.$/);
  });

  it('accepts profile 8.1 and 8.4, read through their HDR10 or HLG base layer', () => {
    expect(assessVideo(facts(dovi(8, 1)), limits)).toBeUndefined();
    expect(assessVideo(facts(dovi(8, 4)), limits)).toBeUndefined();
  });
});

// Loudness: one-pass loudnorm inside the encode (issue 19); its filter is in test/unit/renditions.test.ts and
// the level it reaches (-14 LUFS ± 1) in test/integration/clip-pipeline.test.ts.
