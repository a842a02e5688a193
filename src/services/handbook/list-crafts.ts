// Crafts by their names in both languages: all of them, or those asked for.
import type { HandbookDeps } from './deps.js';
import { nameOf } from './handbook-views.js';

export async function listCrafts(deps: HandbookDeps, ids?: string[]) {
  const rows = await deps.handbook.listCrafts(ids);
  return rows.map((craft) => ({ id: craft.id, name: nameOf(craft) }));
}
