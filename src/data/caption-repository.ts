// A clip's captions (one WebVTT per language) and what burning them into the Telegram video reads and
// records. A burned rendition is recorded only if the captions it was made from are still the current
// ones: new captions take the old burned rendition away in the same transaction as they are recorded.
import type { PrismaClient } from '../generated/prisma/client.js';
import { burnedCaptionsKind as burnedKind } from '../domain/publishing/telegram-limits.js';

export interface CaptionRow {
  lang: string;
  /** Relative to MEDIA_DIR. */
  path: string;
  bytes: number;
  cues: number;
  updatedAt: Date;
}

const captionSelect = { lang: true, path: true, bytes: true, cues: true, updatedAt: true } as const;

export function createCaptionRepository(prisma: PrismaClient) {
  return {
    async clipBurnChoice(clipId: string): Promise<{ burnCaptions: string | null } | null> {
      return prisma.clip.findUnique({ where: { id: clipId }, select: { burnCaptions: true } });
    },

    async list(clipId: string): Promise<CaptionRow[]> {
      return prisma.caption.findMany({ where: { clipId }, select: captionSelect, orderBy: { lang: 'asc' } });
    },

    /** Records the captions; the rendition burned from earlier ones goes. True when they are new. */
    async put(clipId: string, row: { lang: string; path: string; bytes: number; cues: number }): Promise<boolean> {
      const [before] = await prisma.$transaction([
        prisma.caption.findUnique({ where: { clipId_lang: { clipId, lang: row.lang } }, select: { lang: true } }),
        prisma.caption.upsert({
          where: { clipId_lang: { clipId, lang: row.lang } },
          create: { clipId, ...row },
          update: { path: row.path, bytes: row.bytes, cues: row.cues },
        }),
        prisma.rendition.deleteMany({ where: { clipId, kind: burnedKind(row.lang) } }),
      ]);
      return before === null;
    },

    /** The captions and the rendition burned from them; false when there were none. */
    async delete(clipId: string, lang: string): Promise<boolean> {
      const [deleted] = await prisma.$transaction([
        prisma.caption.deleteMany({ where: { clipId, lang } }),
        prisma.rendition.deleteMany({ where: { clipId, kind: burnedKind(lang) } }),
      ]);
      return deleted.count > 0;
    },

    /** What the captions job needs: the clip's state and choice, its 720p, the captions chosen and whether they are burned yet. */
    async burnTarget(clipId: string) {
      const clip = await prisma.clip.findUnique({
        where: { id: clipId },
        select: {
          state: true,
          burnCaptions: true,
          captions: { select: captionSelect },
          renditions: { where: { kind: { startsWith: '720p' } }, select: { kind: true, path: true, width: true, height: true, durationSec: true } },
        },
      });
      if (!clip) return null;
      const lang = clip.burnCaptions;
      return {
        state: clip.state,
        lang,
        caption: clip.captions.find((c) => c.lang === lang) ?? null,
        plain: clip.renditions.find((r) => r.kind === '720p') ?? null,
        burned: lang ? (clip.renditions.find((r) => r.kind === burnedKind(lang)) ?? null) : null,
      };
    },

    /**
     * Records the burned rendition if the captions `lang` are still those of `captionsAt`; false when they
     * changed (or went) meanwhile. The captions row is locked, so a PUT cannot slip in between.
     */
    async recordBurned(
      clipId: string,
      lang: string,
      captionsAt: Date,
      rendition: { path: string; width: number; height: number; bytes: number; durationSec: number | null },
    ): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const [current] = await tx.$queryRaw<Array<{ updated_at: Date }>>`SELECT updated_at FROM captions WHERE clip_id = ${clipId} AND lang = ${lang} FOR UPDATE`;
        if (!current || current.updated_at.getTime() !== captionsAt.getTime()) return false;
        const kind = burnedKind(lang);
        const data = { ...rendition, bytes: BigInt(rendition.bytes), mimeType: 'video/mp4' };
        await tx.rendition.upsert({ where: { clipId_kind: { clipId, kind } }, create: { clipId, kind, ...data }, update: data });
        return true;
      });
    },

    /** Ready clips that ask for burned captions they have but whose burned rendition is missing (a job lost with Redis). */
    async clipsToBurn(limit: number): Promise<string[]> {
      const rows = await prisma.$queryRaw<Array<{ id: string }>>`
        SELECT c.id FROM clips c
        JOIN captions k ON k.clip_id = c.id AND k.lang = c.burn_captions
        WHERE c.state = 'ready'
          AND NOT EXISTS (SELECT 1 FROM renditions r WHERE r.clip_id = c.id AND r.kind = '720p-captions-' || c.burn_captions)
        LIMIT ${limit}`;
      return rows.map((row) => row.id);
    },
  };
}

export type CaptionRepository = ReturnType<typeof createCaptionRepository>;
