// What the handbook's use cases need: the handbook repository, and where the public pages are (PUBLIC_URL).
import type { HandbookRepository } from '../../data/handbook-repository.js';

export interface HandbookDeps {
  handbook: HandbookRepository;
  /** PUBLIC_URL: absolute links to the village pages in the map's GeoJSON; relative without it. */
  publicUrl?: string;
}
