// The period an insights page or request covers, [from, to), from what staff type: Hanoi calendar days
// (YYYY-MM-DD, `to` taken as a whole day) or ISO 8601 times (Hanoi time without an offset; `to` exclusive).
import { AppError } from '../../errors.js';
import { hanoiDay, hanoiMidnight, parseHanoiTime } from '../publishing/hanoi-time.js';

export interface Period {
  from: Date;
  to: Date;
}

export const DEFAULT_DAYS = 30;
/** Longer periods would make a chart of unreadable bars and slow queries; a year and a day is plenty. */
export const MAX_DAYS = 366;

/** A bad bound, its message naming the parameter ("from: …"): a 400 at the HTTP edge. */
export class PeriodError extends AppError {
  constructor(
    readonly parameter: 'from' | 'to' | 'days',
    message: string,
  ) {
    super('bad_range', `${parameter}: ${message}`);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseBound(parameter: 'from' | 'to', value: string): Date {
  const trimmed = value.trim();
  if (DAY.test(trimmed)) {
    // A whole Hanoi day: `from` at its start, `to` at the end of it. hanoiMidnight rolls 02-30 over: refuse it.
    const start = parseHanoiTime(`${trimmed} 00:00`);
    if (start) return parameter === 'from' ? start : hanoiMidnight(trimmed, 1)!;
  } else {
    const time = parseHanoiTime(trimmed);
    if (time) return time;
  }
  throw new PeriodError(parameter, `"${trimmed.slice(0, 40)}" is not a date (YYYY-MM-DD, Hanoi days) or an ISO 8601 time (2026-12-01T08:00:00+07:00)`);
}

/** The last `days` Hanoi days, today included. */
export function lastDays(days: number, now = new Date()): Period {
  const today = hanoiDay(now);
  return { from: hanoiMidnight(today, 1 - days)!, to: hanoiMidnight(today, 1)! };
}

/** from/to as asked, either missing → the last DEFAULT_DAYS days (or `days` of them) up to the other bound. */
export function parsePeriod(query: { from?: string; to?: string; days?: string }, now = new Date()): Period {
  let days = DEFAULT_DAYS;
  if (query.days !== undefined && query.days !== '') {
    if (!/^\d{1,3}$/.test(query.days) || Number(query.days) < 1 || Number(query.days) > MAX_DAYS) {
      throw new PeriodError('days', `must be a whole number of days from 1 to ${MAX_DAYS}`);
    }
    days = Number(query.days);
  }
  const to = query.to ? parseBound('to', query.to) : query.from ? undefined : lastDays(days, now).to;
  const from = query.from ? parseBound('from', query.from) : new Date((to ?? lastDays(days, now).to).getTime() - days * 86_400_000);
  const end = to ?? new Date(from.getTime() + days * 86_400_000);
  if (end.getTime() <= from.getTime()) throw new PeriodError('to', 'must be after from');
  if (end.getTime() - from.getTime() > MAX_DAYS * 86_400_000 + 3_600_000) throw new PeriodError('to', `the period may cover at most ${MAX_DAYS} days`);
  return { from, to: end };
}

/** Every Hanoi day of the period, in order: the chart shows days without questions too. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = hanoiDay(period.from); ;) {
    const start = hanoiMidnight(day)!;
    if (start.getTime() >= period.to.getTime()) break;
    days.push(day);
    day = hanoiDay(hanoiMidnight(day, 1)!);
    if (days.length > MAX_DAYS + 1) break;
  }
  return days;
}
