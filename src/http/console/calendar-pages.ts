// The calendar: a week of publications per target laid on the target's daily slots (Hanoi time), a form to
// schedule a clip into a slot (or any time, or the next free slot), and each publication's actions.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { formatHanoi, hanoiDay, hanoiRange, parseHanoiTime } from '../../domain/publishing/hanoi-time.js';
import { parseTarget, TARGETS, type When } from '../../domain/publishing/targets.js';
import { AppError } from '../../errors.js';
import { backTo, formAction, refusal } from './back.js';
import { consoleLanguage, flash, type Render } from './render.js';

const DAY_MS = 86_400_000;
const idParams = z.object({ id: z.uuid() });
const scheduleForm = z.object({
  clipId: z.uuid('console-pick-clip'),
  target: z.string().transform((value) => parseTarget(value)),
  publishAt: z.string().max(40).default(''),
  when: z.enum(['at', 'next']).default('at'),
});

function whenOf(form: { publishAt: string; when: 'at' | 'next' }): When {
  if (form.when === 'next') return 'next';
  const at = parseHanoiTime(form.publishAt);
  if (!at) throw new AppError('bad_time', 'Choose a date and time (Hanoi time).');
  return at;
}

export const consoleCalendarPages =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    const { publishing } = deps.services;

    app.get('/console/calendar', async (request, reply) => {
      const query = request.query as { week?: string; at?: string; target?: string };
      const week = query.week && hanoiRange(query.week, 'week') ? query.week : hanoiDay(new Date());
      const range = hanoiRange(week, 'week')!;
      const days = Array.from({ length: 7 }, (_, i) => hanoiDay(new Date(range.from.getTime() + i * DAY_MS)));
      const [views, clips, unknown, targetSlots] = await Promise.all([
        publishing.list(range),
        publishing.listSchedulableClips(),
        publishing.listUnknown(),
        publishing.targets(),
      ]);
      const targets = targetSlots.map(({ target, configured, slots }) => {
        const mine = views.filter((p) => p.target === target);
        const at = (day: string, slot: string) => mine.filter((p) => p.publishAtLocal === `${day} ${slot}`);
        const offSlot = (day: string) => mine.filter((p) => p.publishAtLocal.startsWith(day) && !slots.includes(p.publishAtLocal.slice(11)));
        return {
          target,
          configured,
          slots,
          rows: slots.map((slot) => ({ slot, cells: days.map((day) => ({ day, at: `${day}T${slot}`, publications: at(day, slot) })) })),
          other: days.map((day) => offSlot(day)),
        };
      });
      const shift = (n: number) => hanoiDay(new Date(range.from.getTime() + n * DAY_MS));
      return render(request, reply, 'calendar', {
        title: 'console-calendar',
        week,
        days,
        today: hanoiDay(new Date()),
        previousWeek: shift(-7),
        nextWeek: shift(7),
        targets,
        clips,
        unknown,
        prefill: { at: query.at && parseHanoiTime(query.at) ? query.at : '', target: TARGETS.find((t) => t === query.target) ?? 'telegram' },
      });
    });

    app.post('/console/publications', async (request, reply) => {
      let week: string;
      try {
        const form = scheduleForm.parse(request.body ?? {});
        const publication = await publishing.schedule({ clipId: form.clipId, target: form.target, when: whenOf(form) });
        week = hanoiDay(publication.publishAt);
        const lang = consoleLanguage(request);
        flash(
          reply,
          'ok',
          deps.messages.t(lang, 'console-scheduled', {
            time: formatHanoi(publication.publishAt),
            target: deps.messages.t(lang, `console-target-${form.target}`),
          }),
        );
      } catch (error) {
        flash(reply, 'error', refusal(error));
        return reply.redirect(backTo(request, '/console/calendar'), 303);
      }
      return reply.redirect(`/console/calendar?week=${week}`, 303);
    });

    app.post('/console/publications/:id/reschedule', async (request, reply) => {
      const { id } = idParams.parse(request.params);
      return formAction(request, reply, '/console/calendar', 'console-rescheduled', () =>
        publishing.reschedule(id, whenOf({ publishAt: String((request.body as { publishAt?: string })?.publishAt ?? ''), when: 'at' })),
      );
    });

    const actions = { cancel: publishing.cancel, 'publish-now': publishing.publishNow, resend: publishing.resend } as const;
    for (const [name, run] of Object.entries(actions)) {
      app.post(`/console/publications/:id/${name}`, async (request, reply) => {
        const { id } = idParams.parse(request.params);
        return formAction(request, reply, '/console/calendar', `console-done-${name}`, () => run(id));
      });
    }
  };
