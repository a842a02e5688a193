// Staff plan the channel: publications (schedule, reschedule, cancel, publish now, resend, list by day or
// week, bulk from CSV) and each target's time slots. Times are read as Hanoi time unless they carry an
// offset, and shown both ways.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../../errors.js';
import { requireStaff } from '../staff-auth.js';
import type { AppDeps } from '../deps.js';
import { formatHanoi, hanoiDay, hanoiRange, parseHanoiTime } from '../../services/publishing/hanoi-time.js';
import {
  cancelPublication,
  isConfigured,
  listPublications,
  parseTarget,
  publicationView,
  publishNow,
  reschedulePublication,
  resendPublication,
  schedulePublication,
  type ScheduleDeps,
  type When,
} from '../../services/publishing/schedule.js';
import { bulkSchedule, BulkScheduleError } from '../../services/publishing/bulk-schedule.js';
import { nextFreeSlot, setSlots, slotsOf, TARGETS } from '../../services/publishing/slots.js';

export const scheduleDepsOf = (deps: AppDeps): ScheduleDeps => ({
  prisma: deps.prisma,
  queues: deps.queues,
  defaultSlots: deps.config.PUBLISH_SLOTS,
  configured: {
    telegram: Boolean(deps.config.TELEGRAM_BOT_TOKEN && deps.config.TELEGRAM_CHANNEL_ID),
    // The Zalo message links to the vlog's page: it needs the public address.
    zalo: deps.zalo?.mode === 'oa' && Boolean(deps.config.PUBLIC_URL),
  },
  telegramLocalMode: deps.config.TELEGRAM_LOCAL_MODE,
});

const whenSchema = z.string({ error: 'publishAt is required' }).transform((value, ctx): When => {
  if (/^next( slot)?$/i.test(value.trim())) return 'next';
  const date = parseHanoiTime(value);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: 'publishAt must be "YYYY-MM-DD HH:MM" (Hanoi time), an ISO 8601 time with its offset (2026-12-01T08:00:00+07:00), or "next"' });
    return z.NEVER;
  }
  return date;
});
const idParams = z.object({ id: z.uuid('not a publication id') });
const targetParams = z.object({ target: z.string().transform((value) => parseTarget(value)) });
const createBody = z.object({ clipId: z.uuid('clipId is not a clip id'), target: z.string().default('telegram').transform((value) => parseTarget(value)), publishAt: whenSchema });
const listQuery = z.object({
  day: z.iso.date().optional(),
  week: z.iso.date().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  target: z.string().optional().transform((value) => (value ? parseTarget(value) : undefined)),
});
const slotsBody = z.object({ slots: z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'slots are "HH:MM" (Hanoi time)')).min(1, 'give at least one slot').max(48) });

export const publicationRoutes = (deps: AppDeps): FastifyPluginAsync => async (app) => {
  const schedule = scheduleDepsOf(deps);
  app.addHook('preHandler', requireStaff(deps.prisma));
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const view = async (id: string) => {
    const publication = await deps.prisma.publication.findUnique({ where: { id }, include: { clip: { select: { title: true, state: true, slug: true } } } });
    if (!publication) throw notFound('publication');
    return publicationView(publication);
  };

  app.post('/api/publications', async (request, reply) => {
    const body = createBody.parse(request.body);
    const publication = await schedulePublication(schedule, { clipId: body.clipId, target: body.target, when: body.publishAt });
    return reply.code(201).send(await view(publication.id));
  });

  app.get('/api/publications', async (request) => {
    const query = listQuery.parse(request.query);
    let range;
    if (query.from || query.to) {
      const from = query.from ? parseHanoiTime(query.from) ?? parseHanoiTime(`${query.from} 00:00`) : undefined;
      const to = query.to ? parseHanoiTime(query.to) ?? parseHanoiTime(`${query.to} 00:00`) : undefined;
      if (!from || !to) throw new AppError('bad_range', 'from and to are both needed: dates (YYYY-MM-DD) or times');
      range = { from, to };
    } else {
      range = hanoiRange(query.week ?? query.day ?? hanoiDay(new Date()), query.week ? 'week' : 'day')!;
    }
    const publications = await listPublications(deps.prisma, { ...range, target: query.target });
    return { from: range.from.toISOString(), to: range.to.toISOString(), fromLocal: formatHanoi(range.from), toLocal: formatHanoi(range.to), publications: publications.map(publicationView) };
  });

  app.get('/api/publications/:id', async (request) => view(idParams.parse(request.params).id));

  app.patch('/api/publications/:id', async (request) => {
    const { id } = idParams.parse(request.params);
    const { publishAt } = z.object({ publishAt: whenSchema }).parse(request.body);
    await reschedulePublication(schedule, id, publishAt);
    return view(id);
  });

  const action = (name: string, run: (s: ScheduleDeps, id: string) => Promise<unknown>) =>
    app.post(`/api/publications/:id/${name}`, async (request) => {
      const { id } = idParams.parse(request.params);
      await run(schedule, id);
      return view(id);
    });
  action('cancel', cancelPublication);
  action('publish-now', publishNow);
  action('resend', resendPublication);

  // CSV in the body (Content-Type: text/csv): clip,target,time — all lines or none.
  app.post('/api/publications/bulk', async (request, reply) => {
    if (typeof request.body !== 'string') throw new AppError('not_csv', 'Send the CSV as the body, with Content-Type: text/csv.');
    try {
      const created = await bulkSchedule(schedule, request.body);
      return reply.code(201).send({ created: created.length, publications: await Promise.all(created.map((p) => view(p.id))) });
    } catch (error) {
      if (error instanceof BulkScheduleError) return reply.code(422).send({ error: error.code, message: error.message, problems: error.problems });
      throw error;
    }
  });

  app.get('/api/targets', async () => ({
    targets: await Promise.all(TARGETS.map(async (target) => ({ target, configured: isConfigured(schedule, target), slots: await slotsOf(deps.prisma, target, schedule.defaultSlots) }))),
  }));

  app.put('/api/targets/:target/slots', async (request) => {
    const { target } = targetParams.parse(request.params);
    const { slots } = slotsBody.parse(request.body);
    return { target, slots: await setSlots(deps.prisma, target, slots) };
  });

  app.get('/api/targets/:target/next-slot', async (request) => {
    const { target } = targetParams.parse(request.params);
    const at = await nextFreeSlot(deps.prisma, target, await slotsOf(deps.prisma, target, schedule.defaultSlots), new Date());
    if (!at) throw new AppError('no_free_slot', `No free ${target} slot in the next 60 days.`);
    return { target, publishAt: at.toISOString(), publishAtLocal: formatHanoi(at) };
  });
};
