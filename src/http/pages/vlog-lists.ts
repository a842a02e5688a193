// Published vlogs for the home page and the village pages, kept a few seconds in this process: the handbook
// part of those pages comes from memory, and one database look-up per list every few seconds keeps them within
// the render budget under load (bench/pages). A new vlog shows on them within `keepMs`. While PostgreSQL is
// away the pages go on without their vlogs (the handbook part is in memory) instead of failing.
import { expiringPromiseCache } from '../../domain/shared/expiring-cache.js';
import { isUnavailable } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Vlog } from '../../services/publishing/vlog-view.js';

type ListVlogs = (filter: { village?: string; limit?: number }) => Promise<Vlog[]>;

// Keys are a village id and a limit: a few hundred at most; the cap only guards against made-up ids.
const MAX_KEPT = 2000;

export function createVlogLists(listVlogs: ListVlogs, options: { keepMs?: number; logger?: Pick<Logger, 'warn'> } = {}) {
  const cached = expiringPromiseCache<Vlog[]>(options.keepMs ?? 10_000, MAX_KEPT);
  return function vlogs(filter: { village?: string; limit: number }): Promise<Vlog[]> {
    return cached(`${filter.village ?? '*'}:${filter.limit}`, () => listVlogs(filter)).catch((error: unknown) => {
      if (!isUnavailable(error)) throw error;
      options.logger?.warn({ err: error }, 'vlogs unavailable; the page goes without them');
      return [];
    });
  };
}
