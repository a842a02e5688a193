// The clip as staff see it: state, progress, error, outputs and publications.
import { notFound } from '../../errors.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

export async function getClip(prisma: PrismaClient, clipId: string) {
  const clip = await prisma.clip.findUnique({
    where: { id: clipId },
    include: { renditions: true, publications: { orderBy: { publishAt: 'asc' } } },
  });
  if (!clip) throw notFound('clip');
  return clipView(clip);
}

type ClipWithRelations = NonNullable<Awaited<ReturnType<typeof findClip>>>;
const findClip = (prisma: PrismaClient, id: string) =>
  prisma.clip.findUnique({ where: { id }, include: { renditions: true, publications: true } });

export function clipView(clip: ClipWithRelations) {
  return {
    id: clip.id,
    title: clip.title,
    state: clip.state,
    progress: clip.progress,
    error: clip.error,
    source: { name: clip.sourceName, bytes: Number(clip.sourceBytes) },
    durationSec: clip.durationSec,
    width: clip.width,
    height: clip.height,
    createdAt: clip.createdAt.toISOString(),
    updatedAt: clip.updatedAt.toISOString(),
    renditions: clip.renditions.map((r) => ({
      kind: r.kind,
      width: r.width,
      height: r.height,
      bytes: Number(r.bytes),
      durationSec: r.durationSec,
      mimeType: r.mimeType,
    })),
    publications: clip.publications.map((p) => ({
      id: p.id,
      target: p.target,
      publishAt: p.publishAt.toISOString(),
      state: p.state,
      messageId: p.messageId,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      error: p.error,
    })),
  };
}
