// Every phrasing staff taught, the newest first, for the console and GET /api/learned-phrasings.
import type { LearnedPhrasing } from '../../data/learned-phrasing-repository.js';
import type { LearningDeps } from './deps.js';

export const listLearned = (deps: LearningDeps): Promise<LearnedPhrasing[]> => deps.phrasings.list();
