// What the handbook's use cases need: the handbook repository, nothing else.
import type { HandbookRepository } from '../../data/handbook-repository.js';

export interface HandbookDeps {
  handbook: HandbookRepository;
}
