// A village's latest published vlog, for its card in the chats: title, page and poster — the first of what
// its web page lists (listVlogs), so the card and the page agree. Kept in this process for a short while.
import { expiringPromiseCache } from '../../domain/shared/expiring-cache.js';
import { listVlogs } from './list-vlogs.js';
import type { PublishingServiceDeps } from './deps.js';

export interface VillageVlog {
  title: string;
  slug: string;
  /** The vlog's page: absolute with PUBLIC_URL, else /vlogs/<slug>. */
  pageUrl: string;
  /** The poster, a path on this server (/media/…), when the vlog has one. */
  posterUrl?: string;
}

// The card is on the chat's hot path and most villages have no vlog: an answer ("none" too) is kept 30 s,
// so a busy chat costs the database at most one look-up per village per 30 s, and a new vlog reaches the
// cards within 30 s of going out.
const KEEP_MS = 30_000;
// Keys are handbook village ids (a few hundred); the cap only guards against a caller with made-up ones.
const MAX_KEPT = 2000;

export function createLatestVlog(deps: Pick<PublishingServiceDeps, 'publications' | 'publicUrl' | 'logger'>, options: { keepMs?: number } = {}) {
  const cached = expiringPromiseCache<VillageVlog | undefined>(options.keepMs ?? KEEP_MS, MAX_KEPT);
  const base = (deps.publicUrl ?? '').replace(/\/$/, '');

  async function lookUp(villageId: string): Promise<VillageVlog | undefined> {
    const [vlog] = await listVlogs(deps, { village: villageId, limit: 1 });
    if (!vlog) return undefined;
    return { title: vlog.title, slug: vlog.slug, pageUrl: `${base}/vlogs/${vlog.slug}`, posterUrl: vlog.poster?.url };
  }

  /** The village's latest published vlog, or undefined; a failed look-up is undefined too (the card goes without). */
  return function latestVlog(villageId: string): Promise<VillageVlog | undefined> {
    return cached(villageId, () => lookUp(villageId)).catch((error: unknown) => {
      deps.logger.warn({ err: error, villageId }, 'latest vlog look-up failed; the card goes without it');
      return undefined;
    });
  };
}
