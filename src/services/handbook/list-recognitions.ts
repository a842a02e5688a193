// Each village's recognitions as its file gives them, with the notes the table of recognitions does not keep.
import type { HandbookDeps } from './deps.js';

export async function listRecognitions(deps: HandbookDeps) {
  const entries = await deps.handbook.villageEntries();
  return new Map(entries.map((village) => [village.id, village.recognition ?? []]));
}
