// Where a publication can go, and whether this installation can publish there.
import { AppError } from '../../errors.js';

// "web": the public vlog pages and RSS only (the channel on the web); always there, needs no chat app.
export const TARGETS = ['telegram', 'zalo', 'web'] as const;
export type Target = (typeof TARGETS)[number];

/** Which targets can publish at all ("web" always can). */
export type ConfiguredTargets = Record<Exclude<Target, 'web'>, boolean>;

/** A time, or the target's next free slot. */
export type When = Date | 'next';

export function parseTarget(value: unknown): Target {
  if (typeof value === 'string' && (TARGETS as readonly string[]).includes(value)) return value as Target;
  throw new AppError('bad_target', `target must be one of ${TARGETS.join(', ')}`);
}

export const isConfigured = (configured: ConfiguredTargets, target: Target) => target === 'web' || configured[target];
