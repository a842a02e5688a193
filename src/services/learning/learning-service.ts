// Teaching the bot: the use cases bound to their repository, the handbook and the change signal. The insights
// page and /api/learned-phrasings call these.
import type { LearningDeps } from './deps.js';
import { listLearned } from './list-learned.js';
import { teach, type TeachInput } from './teach.js';
import { undoLearned } from './undo-learned.js';

export type { TeachInput };

export function createLearningService(deps: LearningDeps) {
  return {
    /** Stores the phrasing (replacing the target of the same phrasing taught before); every server process answers it within 10 s, this one at once. */
    teach: (input: TeachInput, staffId?: string) => teach(deps, input, staffId),
    list: () => listLearned(deps),
    /** Removes a phrasing; AppError not_found when there is none with this id. */
    undo: (id: string) => undoLearned(deps, id),
  };
}

export type LearningService = ReturnType<typeof createLearningService>;
