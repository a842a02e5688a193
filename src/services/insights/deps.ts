// What the insights use cases need: the question log's aggregates, and the handbook to name what was asked.
import type { InsightsRepository } from '../../data/insights-repository.js';
import type { HandbookSnapshotSource } from '../handbook/handbook-snapshot.js';

export interface InsightsDeps {
  insights: InsightsRepository;
  handbook: HandbookSnapshotSource;
}
