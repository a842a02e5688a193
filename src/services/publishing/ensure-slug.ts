// The clip's public page address, made once from its title: /vlogs/<slug>.
import { slugFor } from '../../domain/publishing/slug.js';
import type { PublishingServiceDeps } from './deps.js';

export async function ensureSlug(deps: Pick<PublishingServiceDeps, 'publications'>, clip: { id: string; title: string; slug: string | null }): Promise<string> {
  if (clip.slug) return clip.slug;
  return deps.publications.settleSlug(clip.id, slugFor(clip));
}
