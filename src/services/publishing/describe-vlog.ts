// A publication's vlog as a Zalo message: absolute addresses, since the message leaves our site.
import type { Lang } from '../../i18n/messages.js';
import type { VlogMessage } from '../../domain/publishing/vlog-messenger.js';
import { ensureSlug } from './ensure-slug.js';
import type { PublishingServiceDeps } from './deps.js';

export async function describeVlog(
  deps: Pick<PublishingServiceDeps, 'publications' | 'publicUrl'>,
  publicationId: string,
  lang: Lang,
): Promise<Omit<VlogMessage, 'lang'>> {
  const { clip } = await deps.publications.findToSendOrThrow(publicationId);
  const slug = await ensureSlug(deps, clip);
  const village = clip.villageId ? await deps.publications.villageNames(clip.villageId) : null;
  const poster = clip.renditions.find((r) => r.kind === 'poster');
  const base = (deps.publicUrl ?? '').replace(/\/$/, '');
  return {
    title: clip.title,
    village: village ? (lang === 'en' ? village.nameEn : village.nameVi) : undefined,
    posterUrl: poster ? `${base}/media/${poster.path}` : undefined,
    pageUrl: `${base}/vlogs/${slug}?lang=${lang}`,
  };
}
