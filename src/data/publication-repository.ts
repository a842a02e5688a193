// Publications (a clip × a target × a time), each target's slots, and what publishing reads of clips and
// villages: the clip to send, the vlog pages' published clips, a caption's village. Every change of state
// is a conditional update, so the caller learns whether it won instead of overwriting a rival.
import type { Prisma, PrismaClient, PublicationState } from '../generated/prisma/client.js';
import { TAKEN_STATES } from '../domain/publishing/slots.js';

const clipSummary = { clip: { select: { title: true, state: true, slug: true } } } as const satisfies Prisma.PublicationInclude;
const renditionSizes = { renditions: { select: { kind: true, bytes: true } } } as const satisfies Prisma.ClipInclude;
// The captions' languages: a clip that asks for burned captions it has waits for that video (Telegram).
const withClipAndRenditions = { clip: { include: { renditions: true, captions: { select: { lang: true } } } } } as const satisfies Prisma.PublicationInclude;
const alarm = { id: true, state: true, publishAt: true } as const satisfies Prisma.PublicationSelect;
// A published vlog: a ready clip with a page address and at least one publication that went out.
const publishedVlog = { publications: { some: { state: 'published' } }, state: 'ready', slug: { not: null } } as const satisfies Prisma.ClipWhereInput;
const vlogInclude = {
  renditions: true,
  // The player's <track>s and the feed's media:subTitle.
  captions: { select: { lang: true, path: true }, orderBy: { lang: 'asc' } },
  publications: { where: { state: 'published' }, orderBy: { publishedAt: 'asc' }, take: 1 },
} as const satisfies Prisma.ClipInclude;

/** Publications claimed by a sender whose lease has lapsed (or was never taken): abandoned. */
const abandonedAt = (now: Date) => ({ state: 'publishing' as const, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] });

export type PublishedVlogRow = Awaited<ReturnType<PublicationRepository['findPublishedVlogs']>>[number];

export function createPublicationRepository(prisma: PrismaClient) {
  return {
    async create(row: { clipId: string; target: string; publishAt: Date }) {
      return prisma.publication.create({ data: row });
    },

    /** All of them in one transaction, or none. */
    async createAll(rows: Array<{ clipId: string; target: string; publishAt: Date }>) {
      return prisma.$transaction(rows.map((row) => prisma.publication.create({ data: row })));
    },

    async find(id: string) {
      return prisma.publication.findUnique({ where: { id } });
    },

    async get(id: string) {
      return prisma.publication.findUniqueOrThrow({ where: { id } });
    },

    async findWithClip(id: string) {
      return prisma.publication.findUnique({ where: { id }, include: clipSummary });
    },

    async publishAtOf(id: string): Promise<Date> {
      return (await prisma.publication.findUniqueOrThrow({ where: { id }, select: { publishAt: true } })).publishAt;
    },

    async listBetween(filter: { from: Date; to: Date; target?: string }) {
      return prisma.publication.findMany({
        where: { publishAt: { gte: filter.from, lt: filter.to }, ...(filter.target ? { target: filter.target } : {}) },
        orderBy: [{ publishAt: 'asc' }, { target: 'asc' }],
        include: clipSummary,
        take: 1000,
      });
    },

    async listUnknown() {
      return prisma.publication.findMany({ where: { state: 'unknown' }, orderBy: { publishAt: 'asc' }, include: clipSummary });
    },

    /** Changes a publication only while it is still scheduled; false when a sender claimed it meanwhile. */
    async updateWaiting(id: string, data: { publishAt?: Date; state?: 'cancelled' }): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, state: 'scheduled' }, data })).count > 0;
    },

    /** An unknown or failed publication scheduled again for `publishAt`; false when it changed meanwhile. */
    async scheduleAgain(id: string, from: PublicationState, publishAt: Date): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, state: from }, data: { state: 'scheduled', publishAt, error: null, late: false } })).count > 0;
    },

    /** The instants at which this target's slots are taken, in (after, before). */
    async takenTimes(target: string, after: Date, before: Date): Promise<Date[]> {
      const rows = await prisma.publication.findMany({ where: { target, state: { in: [...TAKEN_STATES] }, publishAt: { gt: after, lt: before } }, select: { publishAt: true } });
      return rows.map((row) => row.publishAt);
    },

    async slotsOf(target: string): Promise<string[] | undefined> {
      return (await prisma.targetSlots.findUnique({ where: { target } }))?.slots;
    },

    async setSlots(target: string, slots: string[]): Promise<void> {
      await prisma.targetSlots.upsert({ where: { target }, create: { target, slots }, update: { slots } });
    },

    // The clips publishing reads.

    async findClipToSchedule(clipId: string) {
      return prisma.clip.findUnique({ where: { id: clipId }, include: renditionSizes });
    },

    async findClipsToSchedule(clipIds: string[]) {
      return prisma.clip.findMany({ where: { id: { in: clipIds } }, include: renditionSizes });
    },

    /** The clips staff can pick in the calendar: not rejected or failed, newest first. */
    async listSchedulableClips() {
      return prisma.clip.findMany({ where: { state: { in: ['queued', 'processing', 'ready'] } }, orderBy: { createdAt: 'desc' }, take: 200, select: { id: true, title: true, state: true } });
    },

    /** Sets the clip's page address unless it has one, and returns the one it has. */
    async settleSlug(clipId: string, slug: string): Promise<string> {
      await prisma.clip.updateMany({ where: { id: clipId, slug: null }, data: { slug } });
      return (await prisma.clip.findUniqueOrThrow({ where: { id: clipId }, select: { slug: true } })).slug!;
    },

    async villageForCaption(villageId: string) {
      const village = await prisma.village.findUnique({ where: { id: villageId }, include: { crafts: { include: { craft: true } } } });
      return village ? { id: village.id, nameVi: village.nameVi, nameEn: village.nameEn, crafts: village.crafts.map((c) => c.craft.nameVi) } : null;
    },

    async villageNames(villageId: string) {
      return prisma.village.findUnique({ where: { id: villageId }, select: { id: true, nameVi: true, nameEn: true } });
    },

    // Sending.

    async findToSend(id: string) {
      return prisma.publication.findUnique({ where: { id }, include: withClipAndRenditions });
    },

    async findToSendOrThrow(id: string) {
      return prisma.publication.findUniqueOrThrow({ where: { id }, include: withClipAndRenditions });
    },

    /** scheduled → publishing, with the sender's lease; false when someone else claimed it. */
    async claim(id: string, leaseUntil: Date): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, state: 'scheduled' }, data: { state: 'publishing', leaseUntil } })).count > 0;
    },

    async renewLease(id: string, leaseUntil: Date): Promise<void> {
      await prisma.publication.updateMany({ where: { id, state: 'publishing' }, data: { leaseUntil } });
    },

    /** Takes over a publication whose sender's lease lapsed by `now`; false when it is not abandoned. */
    async takeAbandoned(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, ...abandonedAt(now) }, data: { leaseUntil } })).count > 0;
    },

    /** An abandoned publication whose sending may or may not have happened: staff decide. */
    async markAbandonedUnknown(id: string, now: Date, error: string): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, ...abandonedAt(now) }, data: { state: 'unknown', leaseUntil: null, error } })).count > 0;
    },

    /** Marks it late once; false when it already was (or is no longer waiting). */
    async markLate(id: string): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, state: 'scheduled', late: false }, data: { late: true } })).count > 0;
    },

    /** The send failed and nothing was posted: back to scheduled for the next try. */
    async releaseAfterError(id: string, caption: string | undefined, error: string): Promise<void> {
      await prisma.publication.updateMany({ where: { id, state: 'publishing' }, data: { state: 'scheduled', leaseUntil: null, caption, error } });
    },

    /** Sent to the channel; in one step with the clip's file_id, so a repost seen after "published" goes by it. */
    async markSentToChannel(id: string, sent: { messageId: string; caption: string | undefined; publishedAt: Date }, clipFileId?: { clipId: string; fileId: string }): Promise<void> {
      await prisma.$transaction([
        // Unconditional: it was sent, whatever anyone concluded meanwhile.
        prisma.publication.update({ where: { id }, data: { state: 'published', messageId: sent.messageId, caption: sent.caption, publishedAt: sent.publishedAt, error: null, leaseUntil: null } }),
        ...(clipFileId ? [prisma.clip.update({ where: { id: clipFileId.clipId }, data: { telegramFileId: clipFileId.fileId } })] : []),
      ]);
    },

    /** publishing → published (Zalo, web). */
    async markPublished(id: string, data: { publishedAt: Date; messageId?: string }): Promise<void> {
      await prisma.publication.updateMany({ where: { id, state: 'publishing' }, data: { state: 'published', ...data, error: null, leaseUntil: null } });
    },

    async markFailed(id: string, reason: string): Promise<boolean> {
      return (await prisma.publication.updateMany({ where: { id, state: { in: ['scheduled', 'publishing'] } }, data: { state: 'failed', leaseUntil: null, error: reason } })).count > 0;
    },

    /** Telegram no longer knows the clip's file_id: the next send uploads it. */
    async forgetTelegramFileId(clipId: string): Promise<void> {
      await prisma.clip.update({ where: { id: clipId }, data: { telegramFileId: null } });
    },

    // The alarm clock's view.

    /** Waiting publications due by `until` (all when undefined), without the late ones whose clip is not ready. */
    async listDue(until: Date | undefined) {
      return prisma.publication.findMany({
        where: {
          state: 'scheduled',
          ...(until ? { publishAt: { lte: until } } : {}),
          // A late one waits for its clip; the clip's "ready" queues it.
          OR: [{ late: false }, { clip: { state: 'ready' } }],
        },
        select: alarm,
        orderBy: { publishAt: 'asc' },
        take: 5000,
      });
    },

    async listCancelledSince(since: Date) {
      return prisma.publication.findMany({ where: { state: 'cancelled', updatedAt: { gte: since } }, select: alarm, take: 1000 });
    },

    async listAbandoned(now: Date) {
      return prisma.publication.findMany({ where: abandonedAt(now), select: { id: true, publishAt: true }, take: 100 });
    },

    /** The clip's waiting publications whose time has come. */
    async listDueOfClip(clipId: string, now: Date) {
      return prisma.publication.findMany({ where: { clipId, state: 'scheduled', publishAt: { lte: now } }, select: alarm });
    },

    // The public vlog pages.

    /** Published vlogs (of one village, or the one with a page address), the latest to first go out first; `take` at most. */
    async findPublishedVlogs(filter: { villageId?: string; slug?: string }, take: number) {
      // Ordered and cut in the database by each clip's first publication, so a short list reads only its rows.
      const latest = await prisma.publication.groupBy({
        by: ['clipId'],
        where: { state: 'published', clip: { is: { ...publishedVlog, ...filter } } },
        _min: { publishedAt: true },
        orderBy: [{ _min: { publishedAt: 'desc' } }, { clipId: 'asc' }],
        take,
      });
      const clips = await prisma.clip.findMany({ where: { ...publishedVlog, id: { in: latest.map((row) => row.clipId) } }, include: vlogInclude });
      const byId = new Map(clips.map((clip) => [clip.id, clip]));
      return latest.flatMap((row) => byId.get(row.clipId) ?? []);
    },
  };
}

export type PublicationRepository = ReturnType<typeof createPublicationRepository>;
