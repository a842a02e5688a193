// Staff keep artisans' records: applicants, link codes, applications and their stage changes. Every
// change is written to the audit log; a stage change also queues the notification of linked chats.
import { createHash, randomInt } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { AppError, notFound } from '../../errors.js';
import { normalizePhone } from './phone.js';
import type { StageBook } from './stages.js';

export const applicationKinds = ['craft_village', 'traditional_craft_village', 'heritage_craft_village', 'artisan_title', 'ocop', 'ip'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];

export interface Actor {
  id: string;
  name: string;
}

const LINK_CODE_TTL_MS = 7 * 24 * 3600 * 1000;
// No 0/O or 1/I: codes are read out over the phone and printed.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');

type Tx = Prisma.TransactionClient | PrismaClient;

async function audit(tx: Tx, actor: Actor, action: string, entity: string, entityId: string, details: unknown) {
  await tx.auditLog.create({ data: { actor: `${actor.name} (${actor.id})`, action, entity, entityId, details: details as Prisma.InputJsonValue } });
}

export async function createApplicant(prisma: PrismaClient, actor: Actor, input: { name: string; phone: string; village?: string; kind?: 'person' | 'organisation' }) {
  const phone = normalizePhone(input.phone);
  if (!phone) throw new AppError('bad_phone', 'phone: not a Vietnamese phone number (e.g. 0912 345 678 or +84 912 345 678)');
  if (input.village && !(await prisma.village.findUnique({ where: { id: input.village }, select: { id: true } }))) {
    throw new AppError('unknown_village', `village: no village "${input.village}" in the handbook`);
  }
  return prisma.$transaction(async (tx) => {
    const applicant = await tx.applicant.create({ data: { name: input.name, kind: input.kind ?? 'person', villageId: input.village ?? null, phones: [phone] } });
    await audit(tx, actor, 'create', 'applicant', applicant.id, { name: input.name, village: input.village ?? null });
    return applicant;
  });
}

export async function issueLinkCode(prisma: PrismaClient, actor: Actor, applicantId: string) {
  if (!(await prisma.applicant.findUnique({ where: { id: applicantId }, select: { id: true } }))) throw notFound('applicant');
  const raw = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS);
  await prisma.$transaction(async (tx) => {
    const row = await tx.linkCode.create({ data: { applicantId, codeHash: hashCode(code), expiresAt } });
    await audit(tx, actor, 'issue', 'link_code', row.id, { applicantId, expiresAt });
  });
  return { code, expiresAt };
}

export async function createApplication(
  prisma: PrismaClient,
  stages: StageBook,
  actor: Actor,
  input: { applicantId: string; kind: ApplicationKind; subject: string; reference?: string; submittedAt?: Date; stage?: string; nextStep?: string; missing?: string; office?: string },
) {
  if (!(await prisma.applicant.findUnique({ where: { id: input.applicantId }, select: { id: true } }))) throw notFound('applicant');
  const stage = input.stage ?? stages.first(input.kind);
  if (!stages.has(input.kind, stage)) throw new AppError('unknown_stage', `stage: "${stage}" is not a stage of ${input.kind} (content/stages.yaml)`);
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.create({
      data: {
        applicantId: input.applicantId,
        kind: input.kind,
        subject: input.subject,
        reference: input.reference ?? null,
        submittedAt: input.submittedAt ?? null,
        stage,
        nextStep: input.nextStep ?? null,
        missing: input.missing ?? null,
        office: input.office ?? null,
      },
    });
    await tx.applicationEvent.create({ data: { applicationId: application.id, stage, by: actor.name, note: 'recorded' } });
    await audit(tx, actor, 'create', 'application', application.id, input);
    return application;
  });
}

/** Records a stage change; returns the event, whose notifications the caller queues. */
export async function changeStage(
  prisma: PrismaClient,
  stages: StageBook,
  actor: Actor,
  applicationId: string,
  input: { stage: string; note?: string; nextStep?: string; missing?: string },
) {
  const application = await prisma.application.findUnique({ where: { id: applicationId } });
  if (!application) throw notFound('application');
  if (!stages.has(application.kind, input.stage)) {
    throw new AppError('unknown_stage', `stage: "${input.stage}" is not a stage of ${application.kind} (content/stages.yaml)`);
  }
  return prisma.$transaction(async (tx) => {
    const event = await tx.applicationEvent.create({ data: { applicationId, stage: input.stage, note: input.note ?? null, by: actor.name } });
    await tx.application.update({
      where: { id: applicationId },
      data: {
        stage: input.stage,
        stageSince: event.at,
        ...(input.nextStep !== undefined ? { nextStep: input.nextStep } : {}),
        ...(input.missing !== undefined ? { missing: input.missing } : {}),
      },
    });
    // One notification per linked chat, created with the change itself: none is forgotten.
    const links = await tx.chatLink.findMany({ where: { applicantId: application.applicantId }, select: { id: true } });
    if (links.length) await tx.notification.createMany({ data: links.map((l) => ({ eventId: event.id, chatLinkId: l.id })) });
    await audit(tx, actor, 'stage_change', 'application', applicationId, { from: application.stage, to: input.stage, note: input.note ?? null });
    return event;
  });
}

const applicationView = (a: Prisma.ApplicationGetPayload<{ include: { events: { include: { notifications: true } } } }>) => ({
  id: a.id,
  applicantId: a.applicantId,
  kind: a.kind,
  subject: a.subject,
  reference: a.reference,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  stage: a.stage,
  stageSince: a.stageSince.toISOString(),
  nextStep: a.nextStep,
  missing: a.missing,
  office: a.office,
  timeline: a.events.map((e) => ({
    id: e.id,
    stage: e.stage,
    note: e.note,
    by: e.by,
    at: e.at.toISOString(),
    notifications: e.notifications.map((n) => ({ status: n.status, chatLinkId: n.chatLinkId, sentAt: n.sentAt?.toISOString() ?? null, error: n.error })),
  })),
});

const withTimeline = { events: { orderBy: { at: 'asc' as const }, include: { notifications: true } } };

export async function getApplication(prisma: PrismaClient, id: string) {
  const application = await prisma.application.findUnique({ where: { id }, include: withTimeline });
  if (!application) throw notFound('application');
  return applicationView(application);
}

export async function getApplicant(prisma: PrismaClient, id: string) {
  const applicant = await prisma.applicant.findUnique({
    where: { id },
    include: { applications: { orderBy: { createdAt: 'asc' }, include: withTimeline }, links: { select: { id: true, channel: true, linkedAt: true } } },
  });
  if (!applicant) throw notFound('applicant');
  return {
    id: applicant.id,
    name: applicant.name,
    kind: applicant.kind,
    village: applicant.villageId,
    phones: applicant.phones,
    links: applicant.links.map((l) => ({ id: l.id, channel: l.channel, linkedAt: l.linkedAt.toISOString() })),
    applications: applicant.applications.map(applicationView),
  };
}
