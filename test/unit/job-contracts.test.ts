import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { parseJob } from '../../src/jobs/queues.js';

describe('job contracts', () => {
  it('gives a fitting payload back and fails one that does not fit at once (no retries), naming the field', () => {
    const id = '6f1c2a3b-0000-4000-8000-000000000001';
    expect(parseJob('publishing', { publicationId: id })).toEqual({ publicationId: id });
    const bad = () => parseJob('clip-processing', { clipId: 'not-a-uuid' });
    expect(bad).toThrow(UnrecoverableError);
    expect(bad).toThrow(/clip-processing job does not fit its contract: clipId/);
  });

  it("carries the upload's probe to the clip worker, and refuses facts that do not fit", () => {
    const clipId = '6f1c2a3b-0000-4000-8000-000000000002';
    const facts = {
      ...{ width: 1920, height: 1080, durationSec: 20, videoSec: 20, hasAudio: true, fps: 59.94, variableFrameRate: false, rotation: -90 },
      colour: { transfer: 'arib-std-b67', primaries: 'bt2020', pixelFormat: 'yuv420p10le', dolbyVision: { profile: 8, compatibility: 4 } },
    };
    expect(parseJob('clip-processing', { clipId, facts })).toEqual({ clipId, facts });
    expect(parseJob('clip-processing', { clipId })).toEqual({ clipId });
    expect(() => parseJob('clip-processing', { clipId, facts: { ...facts, width: 0 } })).toThrow(/facts\.width/);
  });
});
