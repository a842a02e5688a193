// Staff plan the channel: publications (schedule, reschedule, cancel, publish now, resend, list by day or
// week, bulk from CSV) and each target's time slots. Times are read as Hanoi time unless they carry an
// offset, and shown both ways.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { requireStaff } from '../staff-auth.js';
import type { AppDeps } from '../deps.js';
import { formatHanoi, hanoiDay, hanoiRange, parseHanoiTime } from '../../domain/publishing/hanoi-time.js';
import { parseTarget, type When } from '../../domain/publishing/targets.js';
import { BulkScheduleError } from '../../services/publishing/bulk-schedule.js';

const whenSchema = z.string({ error: 'publishAt is required' }).transform((value, ctx): When => {
  if (/^next( slot)?$/i.test(value.trim())) return 'next';
  const date = parseHanoiTime(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: 'publishAt must be "YYYY-MM-DD HH:MM" (Hanoi time), an ISO 8601 time with its offset (2026-12-01T08:00:00+07:00), or "next"',
    });
    return z.NEVER;
  }
  return date;
});
const idParams = z.object({ id: z.uuid('not a publication id') });
const targetParams = z.object({ target: z.string().transform((value) => parseTarget(value)) });
const createBody = z.object({
  clipId: z.uuid('clipId is not a clip id'),
  target: z
    .string()
    .default('telegram')
    .transform((value) => parseTarget(value)),
  publishAt: whenSchema,
});
const listQuery = z.object({
  day: z.iso.date().optional(),
  week: z.iso.date().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  target: z
    .string()
    .optional()
    .transform((value) => (value ? parseTarget(value) : undefined)),
});
const slotsBody = z.object({
  slots: z
    .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'slots are "HH:MM" (Hanoi time)'))
    .min(1, 'give at least one slot')
    .max(48),
});

export const publicationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { publishing } = deps.services;
    app.addHook('preHandler', requireStaff(deps.services.staff));
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.post('/api/publications', async (request, reply) => {
      const body = createBody.parse(request.body);
      const publication = await publishing.schedule({ clipId: body.clipId, target: body.target, when: body.publishAt });
      return reply.code(201).send(await publishing.get(publication.id));
    });

    app.get('/api/publications', async (request) => {
      const query = listQuery.parse(request.query);
      let range;
      if (query.from || query.to) {
        const from = query.from ? (parseHanoiTime(query.from) ?? parseHanoiTime(`${query.from} 00:00`)) : undefined;
        const to = query.to ? (parseHanoiTime(query.to) ?? parseHanoiTime(`${query.to} 00:00`)) : undefined;
        if (!from || !to) throw new AppError('bad_range', 'from and to are both needed: dates (YYYY-MM-DD) or times');
        range = { from, to };
      } else {
        range = hanoiRange(query.week ?? query.day ?? hanoiDay(new Date()), query.week ? 'week' : 'day')!;
      }
      const publications = await publishing.list({ ...range, target: query.target });
      return { from: range.from.toISOString(), to: range.to.toISOString(), fromLocal: formatHanoi(range.from), toLocal: formatHanoi(range.to), publications };
    });

    app.get('/api/publications/:id', async (request) => publishing.get(idParams.parse(request.params).id));

    app.patch('/api/publications/:id', async (request) => {
      const { id } = idParams.parse(request.params);
      const { publishAt } = z.object({ publishAt: whenSchema }).parse(request.body);
      await publishing.reschedule(id, publishAt);
      return publishing.get(id);
    });

    const action = (name: string, run: (id: string) => Promise<unknown>) =>
      app.post(`/api/publications/:id/${name}`, async (request) => {
        const { id } = idParams.parse(request.params);
        await run(id);
        return publishing.get(id);
      });
    action('cancel', publishing.cancel);
    action('publish-now', publishing.publishNow);
    action('resend', publishing.resend);

    // CSV in the body (Content-Type: text/csv): clip,target,time — all lines or none.
    app.post('/api/publications/bulk', async (request, reply) => {
      if (typeof request.body !== 'string') throw new AppError('not_csv', 'Send the CSV as the body, with Content-Type: text/csv.');
      try {
        const created = await publishing.scheduleCsv(request.body);
        return reply.code(201).send({ created: created.length, publications: await Promise.all(created.map((p) => publishing.get(p.id))) });
      } catch (error) {
        if (error instanceof BulkScheduleError) return reply.code(422).send({ error: error.code, message: error.message, problems: error.problems });
        throw error;
      }
    });

    app.get('/api/targets', async () => ({ targets: await publishing.targets() }));

    app.put('/api/targets/:target/slots', async (request) => {
      const { target } = targetParams.parse(request.params);
      const { slots } = slotsBody.parse(request.body);
      return { target, slots: await publishing.setSlots(target, slots) };
    });

    app.get('/api/targets/:target/next-slot', async (request) => {
      const { target } = targetParams.parse(request.params);
      const at = await publishing.nextSlot(target);
      return { target, publishAt: at.toISOString(), publishAtLocal: formatHanoi(at) };
    });
  };
