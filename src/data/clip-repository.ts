// Clips and their renditions (the outputs of processing). The clip's `reason` (a JSON column) is decoded
// here, once; numbers of bytes go in as plain numbers.
import type { ClipState, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Rejection } from '../media/assess.js';

export type { ClipState };

export interface NewClipRow {
  title: string;
  description: string | null;
  villageId: string | null;
  tags: string[];
  burnCaptions: string | null;
  sha256: string;
  uploadId: string | null;
  notifyChatId: string | null;
  sourceName: string;
  sourceBytes: number;
  durationSec: number;
  width: number;
  height: number;
  uploadedById: string;
}

export interface NewRendition {
  kind: string;
  /** Relative to MEDIA_DIR. */
  path: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  durationSec: number | null;
}

export interface ClipDetailChanges {
  title?: string;
  villageId?: string | null;
  description?: string | null;
  tags?: string[];
  /** "vi" | "en" | null: captions burned into the Telegram video. */
  burnCaptions?: string | null;
}

type Titled = { id: string; title: string };

const titled = { id: true, title: true } as const;
const withAll = {
  renditions: { orderBy: { kind: 'asc' } },
  publications: { orderBy: { publishAt: 'asc' } },
  captions: { select: { lang: true, path: true, cues: true }, orderBy: { lang: 'asc' } },
} as const satisfies Prisma.ClipInclude;
const IN_FLIGHT: ClipState[] = ['queued', 'processing'];

// Written only by markFailed below, as a Rejection.
const decodeReason = (reason: Prisma.JsonValue | null) => reason as Rejection | null;
const decoded = <T extends { reason: Prisma.JsonValue | null }>(row: T) => ({ ...row, reason: decodeReason(row.reason) });

export function createClipRepository(prisma: PrismaClient) {
  return {
    async findBySha256(sha256: string): Promise<Titled | null> {
      return prisma.clip.findUnique({ where: { sha256 }, select: titled });
    },

    async villageExists(villageId: string): Promise<boolean> {
      return (await prisma.village.findUnique({ where: { id: villageId }, select: { id: true } })) !== null;
    },

    /** The new clip, or the one with the same file recorded a moment before (the same upload twice at once). */
    async insert(row: NewClipRow): Promise<{ clip: Titled; duplicateOf?: undefined } | { clip?: undefined; duplicateOf: Titled }> {
      try {
        return { clip: await prisma.clip.create({ data: { ...row, sourceBytes: BigInt(row.sourceBytes) }, select: titled }) };
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002') {
          const winner = await prisma.clip.findUnique({ where: { sha256: row.sha256 }, select: titled });
          if (winner) return { duplicateOf: winner };
        }
        throw error;
      }
    },

    /** Its renditions and publications go with it (by cascade). */
    async delete(clipId: string): Promise<void> {
      await prisma.clip.delete({ where: { id: clipId } });
    },

    /** A clip with its renditions and publications, as staff see it. */
    async findWithAll(clipId: string) {
      const clip = await prisma.clip.findUnique({ where: { id: clipId }, include: withAll });
      return clip && decoded(clip);
    },

    /** The newest clips first, with their renditions and publications. */
    async listWithAll(limit: number) {
      return (await prisma.clip.findMany({ orderBy: { createdAt: 'desc' }, take: limit, include: withAll })).map(decoded);
    },

    async findWithPublicationStates(clipId: string) {
      return prisma.clip.findUnique({ where: { id: clipId }, select: { id: true, publications: { select: { id: true, state: true } } } });
    },

    async findState(clipId: string): Promise<{ state: ClipState } | null> {
      return prisma.clip.findUnique({ where: { id: clipId }, select: { state: true } });
    },

    /** Changes only the fields given; false when there is no such clip. */
    async updateDetails(clipId: string, changes: ClipDetailChanges): Promise<boolean> {
      return (await prisma.clip.updateMany({ where: { id: clipId }, data: changes })).count > 0;
    },

    /** A failed clip back to "queued", its failure forgotten; false when it is not failed (or not there). */
    async requeueIfFailed(clipId: string): Promise<boolean> {
      const changed = await prisma.clip.updateMany({ where: { id: clipId, state: 'failed' }, data: { state: 'queued', progress: 0, error: null, errorDetail: null } });
      return changed.count > 0;
    },

    async requeue(clipId: string): Promise<void> {
      await prisma.clip.update({ where: { id: clipId }, data: { state: 'queued', progress: 0 } });
    },

    async markProcessing(clipId: string): Promise<void> {
      await prisma.clip.update({ where: { id: clipId }, data: { state: 'processing', progress: 0, error: null, errorDetail: null } });
    },

    async setProgress(clipId: string, percent: number): Promise<void> {
      await prisma.clip.update({ where: { id: clipId }, data: { progress: percent } });
    },

    /** Its outputs replace any earlier ones, and it is ready, in one transaction. */
    async recordReady(clipId: string, renditions: NewRendition[], facts: { durationSec: number; width: number; height: number }): Promise<void> {
      await prisma.$transaction([
        prisma.rendition.deleteMany({ where: { clipId } }),
        prisma.rendition.createMany({ data: renditions.map((r) => ({ ...r, clipId, bytes: BigInt(r.bytes) })) }),
        prisma.clip.update({ where: { id: clipId }, data: { state: 'ready', progress: 100, error: null, ...facts } }),
      ]);
    },

    /** A final failure; a clip that made it to "ready" meanwhile stays ready. */
    async markFailed(clipId: string, failure: { state: 'rejected' | 'failed'; error: string; detail: string | null; reason?: Rejection }): Promise<void> {
      await prisma.clip.updateMany({
        where: { id: clipId, state: { not: 'ready' } },
        data: { state: failure.state, error: failure.error, errorDetail: failure.detail, ...(failure.reason ? { reason: failure.reason as unknown as Prisma.InputJsonValue } : {}) },
      });
    },

    /** Clips waiting or processing that have not changed since `before`. */
    async findInFlightUnchangedSince(before: Date, limit: number): Promise<Array<{ id: string; state: ClipState }>> {
      return prisma.clip.findMany({ where: { state: { in: IN_FLIGHT }, updatedAt: { lt: before } }, select: { id: true, state: true }, take: limit });
    },

    async processingIds(): Promise<string[]> {
      return (await prisma.clip.findMany({ where: { state: 'processing' }, select: { id: true } })).map((c) => c.id);
    },

    /** What the uploader is told: the clip's outcome and its video renditions. */
    async findOutcome(clipId: string) {
      const clip = await prisma.clip.findUnique({
        where: { id: clipId },
        select: { title: true, state: true, reason: true, notifyChatId: true, renditions: { where: { mimeType: 'video/mp4' }, select: { kind: true } } },
      });
      return clip && decoded(clip);
    },
  };
}

export type ClipRepository = ReturnType<typeof createClipRepository>;
/** A clip with its renditions and publications, as the repository reads it. */
export type ClipWithAll = NonNullable<Awaited<ReturnType<ClipRepository['findWithAll']>>>;
