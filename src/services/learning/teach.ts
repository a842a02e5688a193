// Staff teach the bot a phrasing: it then answers the target they chose (a handbook entry, or an intent).
// The target must be in the imported handbook; the same phrasing taught again gets the new target.
import { AppError } from '../../errors.js';
import { fold } from '../../ask/normalize.js';
import type { LearnedTarget } from '../../content/schema.js';
import type { LearnedPhrasing } from '../../data/learned-phrasing-repository.js';
import type { HandbookSnapshot } from '../handbook/handbook-snapshot.js';
import type { LearningDeps } from './deps.js';

export interface TeachInput {
  text: string;
  target: LearnedTarget;
}

export const MAX_PHRASING_LENGTH = 300;

export async function teach(deps: LearningDeps, input: TeachInput, staffId?: string): Promise<{ phrasing: LearnedPhrasing; replaced: boolean }> {
  const text = input.text.trim().replace(/\s+/g, ' ');
  const folded = fold(text);
  if (!folded) throw new AppError('bad_request', 'text: the phrasing has no letters or digits');
  if (text.length > MAX_PHRASING_LENGTH) throw new AppError('bad_request', `text: a phrasing is at most ${MAX_PHRASING_LENGTH} characters`);
  if ('type' in input.target && !inHandbook(await deps.handbook(), input.target)) {
    throw new AppError('unknown_target', `the handbook has no ${input.target.type} "${input.target.id}"`);
  }
  const stored = await deps.phrasings.create({ text, folded, target: input.target, createdBy: staffId });
  await deps.changed();
  return stored;
}

function inHandbook(snapshot: HandbookSnapshot, target: Extract<LearnedTarget, { type: string }>): boolean {
  const k = snapshot.knowledge;
  if (target.type === 'village') return k.villages.has(target.id);
  if (target.type === 'craft') return k.crafts.has(target.id);
  if (target.type === 'product') return snapshot.products.has(target.id);
  return k.routes.some((r) => r.id === target.id);
}
