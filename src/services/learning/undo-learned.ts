// Undoes a taught phrasing: the bot answers that question as it did before, in every server process.
import { notFound } from '../../errors.js';
import type { LearningDeps } from './deps.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function undoLearned(deps: LearningDeps, id: string): Promise<void> {
  if (!UUID.test(id) || !(await deps.phrasings.delete(id))) throw notFound('learned phrasing');
  await deps.changed();
}
