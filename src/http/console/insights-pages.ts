// What visitors ask, for editors and admins: a period (from/to, or the last 7, 30 or 90 days), questions per
// day per channel and language as a chart, distinct visitors, the share answered, what was asked most, the
// unanswered questions grouped by wording, each with a form that teaches the bot its answer in one step, and
// the phrasings taught so far with their undo.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import type { Lang } from '../../i18n/messages.js';
import { daysOf, parsePeriod, PeriodError, lastDays, DEFAULT_DAYS, type Period } from '../../domain/insights/period.js';
import { hanoiDay } from '../../domain/publishing/hanoi-time.js';
import { learnedIntents, learnedTargetTypes, type LearnedTarget } from '../../content/schema.js';
import { fold } from '../../ask/normalize.js';
import { AppError } from '../../errors.js';
import type { Named } from '../../services/insights/handbook-names.js';
import { formAction } from './back.js';
import { consoleLanguage, type Render } from './render.js';
import { buildDayChart } from './insights-chart.js';

export const PRESET_DAYS = [7, 30, 90];
/** Groups shown on the page; the JSON API gives them all. */
export const GROUPS_SHOWN = 50;

const periodQuery = z.object({ from: z.string().max(64).optional(), to: z.string().max(64).optional(), days: z.string().max(8).optional() });
const teachForm = z.object({
  text: z.string().trim().min(1, 'console-insights-teach-no-text').max(300),
  target: z.string().trim().max(300).default(''),
  outOfScope: z.string().optional(),
});
const idParams = z.object({ id: z.string().max(64) });

/** The teach form's target: "village:bat-trang" (as the list offers), "intent:help", or a name typed in full. */
export function readTarget(value: string, entries: Record<(typeof learnedTargetTypes)[number], Named[]>): LearnedTarget {
  const [kind, id] = value.includes(':') ? (value.split(':', 2) as [string, string]) : ['', value];
  if (kind === 'intent' && (learnedIntents as readonly string[]).includes(id)) return { intent: id as (typeof learnedIntents)[number] };
  if ((learnedTargetTypes as readonly string[]).includes(kind)) return { type: kind as (typeof learnedTargetTypes)[number], id };
  const wanted = fold(value);
  const found = learnedTargetTypes.flatMap((type) =>
    entries[type].filter((e) => e.id === value || fold(e.name.vi) === wanted || fold(e.name.en) === wanted).map((e) => ({ type, id: e.id })),
  );
  if (found.length === 1) return found[0]!;
  throw new AppError('bad_target', found.length ? 'console-insights-teach-ambiguous' : 'console-insights-teach-no-target');
}

export const consoleInsightsPages =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    const { insights, learning } = deps.services;

    app.get('/console/insights', async (request, reply) => {
      const lang: Lang = consoleLanguage(request);
      const query = periodQuery.parse(request.query);
      let period: Period;
      let problem: string | undefined;
      try {
        period = parsePeriod(query);
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        // A bad date in the form: the page still shows, for the default period, and says what was wrong.
        problem = error.message;
        period = lastDays(DEFAULT_DAYS);
      }
      const [figures, groups, entries, learned] = await Promise.all([
        insights.compute(period),
        insights.unanswered(period),
        insights.teachableEntries(),
        learning.list(),
      ]);
      const days = daysOf(period);
      const nameOf = new Map(learnedTargetTypes.flatMap((type) => entries[type].map((e) => [`${type}:${e.id}`, e.name[lang]] as const)));
      const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
      const lastDay = hanoiDay(new Date(period.to.getTime() - 1));
      return render(request, reply, 'insights', {
        title: 'console-insights',
        problem,
        period: {
          from: hanoiDay(period.from),
          to: lastDay,
          days: days.length,
          presets: PRESET_DAYS.map((n) => ({
            days: n,
            url: `/console/insights?days=${n}`,
            current: !query.from && !query.to && Number(query.days ?? DEFAULT_DAYS) === n,
          })),
          // The JSON of the same period, for other tools.
          api: `/api/insights?from=${hanoiDay(period.from)}&to=${lastDay}`,
        },
        figures,
        answeredPercent: figures.answeredShare === null ? null : number.format(figures.answeredShare * 100),
        chart: buildDayChart(days, figures.byDay),
        tops: [
          { id: 'villages', rows: figures.topVillages },
          { id: 'crafts', rows: figures.topCrafts },
          { id: 'products', rows: figures.topProducts },
          { id: 'routes', rows: figures.topRoutes },
        ].map((top) => ({ ...top, max: Math.max(1, ...top.rows.map((r) => r.count)), rows: top.rows.map((r) => ({ ...r, label: r.name[lang] })) })),
        intents: figures.topIntents,
        groups: groups.slice(0, GROUPS_SHOWN),
        moreGroups: Math.max(0, groups.length - GROUPS_SHOWN),
        unansweredCount: groups.reduce((sum, g) => sum + g.count, 0),
        entries: learnedTargetTypes.map((type) => ({ type, rows: entries[type].map((e) => ({ value: `${type}:${e.id}`, label: e.name[lang] })) })),
        intentChoices: learnedIntents.filter((i) => i !== 'out-of-scope'),
        learned: learned.map((p) => ({
          ...p,
          target:
            'intent' in p.target
              ? { kind: 'intent', label: p.target.intent }
              : { kind: p.target.type, label: nameOf.get(`${p.target.type}:${p.target.id}`) ?? p.target.id },
        })),
        number: (value: number) => number.format(value),
        // A channel's or intent's words; a code the messages do not know yet is shown as it is.
        named: (kind: 'channel' | 'intent', code: string) => {
          try {
            return deps.messages.t(lang, `console-insights-${kind}-${code}`);
          } catch {
            return code;
          }
        },
      });
    });

    app.post('/console/insights/teach', async (request, reply) => {
      return formAction(request, reply, '/console/insights', 'console-insights-taught', async () => {
        const form = teachForm.parse(request.body);
        const target: LearnedTarget = form.outOfScope ? { intent: 'out-of-scope' } : readTarget(form.target, await insights.teachableEntries());
        await learning.teach({ text: form.text, target }, request.staff?.id);
      });
    });

    app.post('/console/insights/learned/:id/undo', async (request, reply) => {
      const { id } = idParams.parse(request.params);
      return formAction(request, reply, '/console/insights', 'console-insights-undone', () => learning.undo(id));
    });
  };
