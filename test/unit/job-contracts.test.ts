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
});
