// What the learning use cases need: the stored phrasings, the handbook they point into, and a way to tell
// every server process that the phrasings changed.
import type { LearnedPhrasingRepository } from '../../data/learned-phrasing-repository.js';
import type { HandbookSnapshotSource } from '../handbook/handbook-snapshot.js';

export interface LearningDeps {
  phrasings: LearnedPhrasingRepository;
  handbook: HandbookSnapshotSource;
  /** Reloads this process's engine and tells the others (learned-sync.ts); resolves once this process answers the new way. */
  changed(): Promise<void>;
}
