// Whether a probed video can become a clip; if not, why (a code the clip keeps, told in vi and en).
import type { VideoFacts } from './probe.js';
import { hasNoCompatibleBaseLayer } from './colour.js';

export type RejectionCode =
  'unreadable' | 'no_video' | 'no_duration' | 'too_short' | 'too_long' | 'too_small' | 'bad_dimensions' | 'damaged' | 'dolby_vision_5';

export interface Rejection {
  code: RejectionCode;
  args?: Record<string, string | number>;
}

export interface ClipLimits {
  minSeconds: number;
  maxSeconds: number;
}

const MIN_SHORT_SIDE = 360;
const MAX_SIDE = 8192;
const MAX_ASPECT = 4;

export function assessVideo(facts: VideoFacts, limits: ClipLimits): Rejection | undefined {
  const { durationSec } = facts;
  // Sizes as text: a number would be printed with grouping ("1,920×1,080").
  const [width, height] = [String(facts.width), String(facts.height)];
  if (Math.max(facts.width, facts.height) > MAX_SIDE || Math.max(facts.width, facts.height) / Math.min(facts.width, facts.height) > MAX_ASPECT) {
    return { code: 'bad_dimensions', args: { width, height } };
  }
  // Profile 5 has no base layer ffmpeg can show without libplacebo: refused, not shown green and purple.
  if (hasNoCompatibleBaseLayer(facts.colour)) return { code: 'dolby_vision_5', args: { profile: facts.colour!.dolbyVision!.profile } };
  if (Math.min(facts.width, facts.height) < MIN_SHORT_SIDE) return { code: 'too_small', args: { width, height, min: MIN_SHORT_SIDE } };
  if (durationSec < limits.minSeconds) return { code: 'too_short', args: { seconds: Math.round(durationSec * 10) / 10, min: limits.minSeconds } };
  if (durationSec > limits.maxSeconds) return { code: 'too_long', args: { seconds: Math.round(durationSec), max: limits.maxSeconds } };
  return undefined;
}
