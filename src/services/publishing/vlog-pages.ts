// What the public channel pages show: published vlogs, newest first, each with its renditions, poster,
// village and the date it first went out.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Lang } from '../../i18n/messages.js';
import { ensureSlug } from './publish-publication.js';

const published = { publications: { some: { state: 'published' as const } }, state: 'ready' as const, slug: { not: null } };
const include = {
  renditions: true,
  publications: { where: { state: 'published' as const }, orderBy: { publishedAt: 'asc' as const }, take: 1 },
} as const;

export type Vlog = Awaited<ReturnType<typeof toVlog>>;

async function toVlog(prisma: PrismaClient, clip: Awaited<ReturnType<typeof findPublished>>[number]) {
  const village = clip.villageId ? await prisma.village.findUnique({ where: { id: clip.villageId }, select: { id: true, nameVi: true, nameEn: true } }) : null;
  const media = (path: string) => `/media/${path}`;
  const videos = clip.renditions.filter((r) => r.mimeType === 'video/mp4').sort((a, b) => a.height * a.width - b.height * b.width);
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
    videos: videos.map((v) => ({ kind: v.kind, url: media(v.path), width: v.width, height: v.height, bytes: Number(v.bytes) })),
  };
}

const findPublished = (prisma: PrismaClient, where: object, take: number) =>
  prisma.clip.findMany({ where: { ...published, ...where }, include, orderBy: { updatedAt: 'desc' }, take });

export async function listVlogs(prisma: PrismaClient, filter: { village?: string; limit?: number } = {}) {
  const clips = await findPublished(prisma, filter.village ? { villageId: filter.village } : {}, 500);
  const vlogs = await Promise.all(clips.map((clip) => toVlog(prisma, clip)));
  // Newest publication first (a clip's row changes for other reasons too).
  return vlogs.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, filter.limit ?? 100);
}

export async function getVlog(prisma: PrismaClient, slug: string) {
  const [clip] = await findPublished(prisma, { slug }, 1);
  return clip ? toVlog(prisma, clip) : undefined;
}

/** A publication's vlog as a Zalo message: absolute addresses, since the message leaves our site. */
export async function describeVlog(prisma: PrismaClient, publicUrl: string, publicationId: string, lang: Lang) {
  const publication = await prisma.publication.findUniqueOrThrow({ where: { id: publicationId }, include: { clip: { include: { renditions: true } } } });
  const clip = publication.clip;
  const slug = await ensureSlug(prisma, clip);
  const village = clip.villageId ? await prisma.village.findUnique({ where: { id: clip.villageId }, select: { nameVi: true, nameEn: true } }) : null;
  const poster = clip.renditions.find((r) => r.kind === 'poster');
  const base = publicUrl.replace(/\/$/, '');
  return {
    title: clip.title,
    village: village ? (lang === 'en' ? village.nameEn : village.nameVi) : undefined,
    posterUrl: poster ? `${base}/media/${poster.path}` : undefined,
    pageUrl: `${base}/vlogs/${slug}?lang=${lang}`,
  };
}
