import { describe, expect, it } from 'vitest';
import { fitShortSide, planRenditions } from '../../src/media/renditions.js';
import { NotAVideoError, videoFacts } from '../../src/media/probe.js';

const facts = (width: number, height: number, durationSec = 10) => ({ width, height, durationSec, hasAudio: true });
const valueAfter = (args: string[], flag: string, from = 0) => args[args.indexOf(flag, from) + 1];

describe('rendition plan', () => {
  it('scales 1080p landscape to 1280x720 H.264 High yuv420p with AAC and faststart', () => {
    const plan = planRenditions('/in/source.mp4', '/out', facts(1920, 1080));
    expect(plan.outputs[0]).toMatchObject({ kind: '720p', width: 1280, height: 720, file: '/out/720p.mp4' });
    expect(valueAfter(plan.args, '-vf')).toBe('scale=1280:720');
    expect(valueAfter(plan.args, '-c:v')).toBe('libx264');
    expect(valueAfter(plan.args, '-profile:v')).toBe('high');
    expect(valueAfter(plan.args, '-pix_fmt')).toBe('yuv420p');
    expect(valueAfter(plan.args, '-c:a')).toBe('aac');
    expect(valueAfter(plan.args, '-movflags')).toBe('+faststart');
    expect(plan.args.indexOf('/out/720p.mp4')).toBeLessThan(plan.args.indexOf('/out/poster.jpg'));
  });

  it('keeps portrait clips portrait, scaling by the short side', () => {
    expect(fitShortSide(1080, 1920, 720)).toEqual({ width: 720, height: 1280 });
    expect(planRenditions('/in/s.mp4', '/out', facts(1080, 1920)).outputs[0]).toMatchObject({ width: 720, height: 1280 });
  });

  it('never upscales and keeps sides even', () => {
    expect(fitShortSide(640, 360, 720)).toEqual({ width: 640, height: 360 });
    expect(fitShortSide(1001, 701, 720)).toEqual({ width: 1002, height: 702 });
  });

  it('takes the poster a little into the clip, not the first frame', () => {
    const plan = planRenditions('/in/s.mp4', '/out', facts(1280, 720, 10));
    const posterArgs = plan.args.slice(plan.args.indexOf('/out/720p.mp4'));
    expect(valueAfter(posterArgs, '-ss')).toBe('1.00');
    expect(valueAfter(planRenditions('/in/s.mp4', '/out', facts(1280, 720, 0.8)).args.slice(15), '-ss')).toBe('0.40');
  });

  it('makes audio optional so clips without sound still map', () => {
    expect(planRenditions('/in/s.mp4', '/out', facts(1280, 720)).args).toContain('0:a:0?');
  });
});

describe('video facts from ffprobe', () => {
  it('refuses a file with no video stream', () => {
    expect(() => videoFacts({ streams: [{ codec_type: 'audio' }], format: { duration: '3' } })).toThrow(NotAVideoError);
    expect(() => videoFacts({ streams: [{ codec_type: 'video', codec_name: 'png', width: 10, height: 10 }] })).toThrow('no video stream');
  });

  it('reads size, duration and audio', () => {
    expect(
      videoFacts({ streams: [{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080 }, { codec_type: 'audio' }], format: { duration: '2.5' } }),
    ).toEqual({ width: 1920, height: 1080, durationSec: 2.5, hasAudio: true });
  });
});
