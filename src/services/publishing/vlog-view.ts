// A published vlog as the public pages show it: renditions smallest first, poster, village, and the date
// it first went out.
import type { PublishedVlogRow } from '../../data/publication-repository.js';

export type Vlog = ReturnType<typeof vlogView>;

export function vlogView(clip: PublishedVlogRow, village: { id: string; nameVi: string; nameEn: string } | null) {
  const media = (path: string) => `/media/${path}`;
  // The web keeps the plain videos (captions come as tracks); burned ones are the Telegram channel's.
  const videos = clip.renditions
    .filter((r) => r.mimeType === 'video/mp4' && !r.kind.includes('captions'))
    .sort((a, b) => a.height * a.width - b.height * b.width);
  const poster = clip.renditions.find((r) => r.kind === 'poster');
  return {
    id: clip.id,
    slug: clip.slug!,
    title: clip.title,
    description: clip.description,
    tags: clip.tags,
    village,
    publishedAt: clip.publications[0]?.publishedAt ?? clip.updatedAt,
    durationSec: clip.durationSec ?? 0,
    poster: poster ? { url: media(poster.path), width: poster.width, height: poster.height } : null,
    captions: clip.captions.map((c) => ({ lang: c.lang, url: media(c.path) })),
    videos: videos.map((v) => ({ kind: v.kind, url: media(v.path), width: v.width, height: v.height, bytes: Number(v.bytes) })),
  };
}
