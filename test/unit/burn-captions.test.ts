import { describe, expect, it } from 'vitest';
import { planCaptionBurn } from '../../src/media/burn-captions.js';

describe('planCaptionBurn', () => {
  const plan = planCaptionBurn('/media/clips/x/720p.mp4', '/media/clips/x/tmp-1', {
    captionsFile: 'captions.vtt',
    width: 1280,
    height: 720,
    preset: 'veryfast',
    threads: 0,
  });
  const after = (flag: string) => plan.args[plan.args.indexOf(flag) + 1];

  it('draws the captions in DejaVu Sans from a file named inside the working folder', () => {
    expect(after('-vf')).toMatch(/^subtitles=filename=captions\.vtt:charenc=UTF-8:force_style='FontName=DejaVu Sans,[^']*',format=yuv420p$/);
    expect(plan.cwd).toBe('/media/clips/x/tmp-1');
    expect(plan.args.at(-1)).toBe('burned.mp4');
  });

  it('reads the 720p, copies its sound and tags the picture as the 720p is', () => {
    expect(after('-i')).toBe('/media/clips/x/720p.mp4');
    expect(after('-c:a')).toBe('copy');
    expect([after('-c:v'), after('-profile:v'), after('-pix_fmt')]).toEqual(['libx264', 'high', 'yuv420p']);
    expect([after('-color_primaries'), after('-color_trc'), after('-colorspace')]).toEqual(['bt709', 'bt709', 'bt709']);
    expect(after('-movflags')).toBe('+faststart');
    expect(after('-map_metadata')).toBe('-1');
  });

  it('uses smaller letters on a portrait picture', () => {
    const portrait = planCaptionBurn('in.mp4', 'w', { captionsFile: 'captions.vtt', width: 720, height: 1280, preset: 'veryfast', threads: 2 });
    expect(portrait.args[portrait.args.indexOf('-vf') + 1]).toContain('FontSize=12');
    expect(portrait.args[portrait.args.indexOf('-threads') + 1]).toBe('2');
  });
});
