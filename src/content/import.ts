// Imports the handbook files into PostgreSQL: content/ is read and validated here, then written by the
// handbook repository in one transaction that says what changed. A failed import changes nothing.
import type { HandbookRepository } from '../data/handbook-repository.js';
import { hashContent, loadHandbook } from './load.js';

export const kinds = ['crafts', 'villages', 'places', 'products', 'routes', 'plan', 'elsewhere'] as const;
export type Kind = (typeof kinds)[number];

export interface Changes {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
}

export interface ImportSummary {
  skipped: boolean;
  changes: Record<Kind, Changes>;
}

export async function importContent(
  deps: { handbook: Pick<HandbookRepository, 'write' | 'isImported'> },
  contentDir: string,
  options: { onlyWhenChanged?: boolean } = {},
): Promise<ImportSummary> {
  const contentHash = hashContent(contentDir);
  // Files already imported need no parsing: a start's commonest case, and the YAML with its checks takes ~0.5 s.
  if (options.onlyWhenChanged && (await deps.handbook.isImported(contentHash))) {
    const none = (): Changes => ({ added: [], updated: [], removed: [], unchanged: 0 });
    return { skipped: true, changes: Object.fromEntries(kinds.map((kind) => [kind, none()])) as Record<Kind, Changes> };
  }
  const handbook = loadHandbook(contentDir);
  return deps.handbook.write(handbook, { contentHash, onlyWhenChanged: options.onlyWhenChanged });
}

export function describeImport(summary: ImportSummary): string {
  if (summary.skipped) return 'content/ unchanged since the last import: nothing to do.';
  const list = (label: string, ids: string[]) => (ids.length ? `${label} ${ids.length} (${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''})` : `${label} 0`);
  return kinds
    .map((kind) => {
      const c = summary.changes[kind];
      return `${kind}: ${list('added', c.added)}, ${list('updated', c.updated)}, ${list('removed', c.removed)}, unchanged ${c.unchanged}`;
    })
    .join('\n');
}
