// Staff enter and read times in Hanoi (Asia/Ho_Chi_Minh); PostgreSQL keeps instants (UTC).
import { TZDate } from '@date-fns/tz';

export const HANOI = 'Asia/Ho_Chi_Minh';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-01 08:00" or "2026-12-01T08:00:30" (Hanoi time, as a form's datetime-local gives it) or an ISO
 * 8601 time with its offset; undefined when it is neither. */
export function parseHanoiTime(text: string): Date | undefined {
  const trimmed = text.trim();
  const local = LOCAL.exec(trimmed);
  if (local) {
    const [y, m, d, hh, mm, ss] = local.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    if (ss > 59) return undefined;
    const date = new TZDate(y, m - 1, d, hh, mm, ss, HANOI);
    // new Date(2026, 1, 30) rolls over to March: a date that does not exist is refused instead.
    return date.getDate() === d && date.getMonth() === m - 1 && date.getHours() === hh ? new Date(date.getTime()) : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "2026-12-01 08:00", in Hanoi. */
export function formatHanoi(date: Date): string {
  const local = new TZDate(date.getTime(), HANOI);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ${two(local.getHours())}:${two(local.getMinutes())}`;
}

/** The Hanoi calendar day of an instant, "2026-12-01". */
export const hanoiDay = (date: Date) => formatHanoi(date).slice(0, 10);

/** Midnight of a Hanoi day plus `days`. */
export function hanoiMidnight(day: string, days = 0): Date | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new TZDate(y, m - 1, d + days, 0, 0, HANOI);
  return new Date(date.getTime());
}

/** [from, to) of the Hanoi day, or of the Monday-to-Sunday week containing it. */
export function hanoiRange(day: string, span: 'day' | 'week'): { from: Date; to: Date } | undefined {
  const start = hanoiMidnight(day);
  if (!start) return undefined;
  if (span === 'day') return { from: start, to: hanoiMidnight(day, 1)! };
  const weekday = (new TZDate(start.getTime(), HANOI).getDay() + 6) % 7; // Monday = 0
  return { from: hanoiMidnight(day, -weekday)!, to: hanoiMidnight(day, 7 - weekday)! };
}

/** The instant of `HH:MM` on a Hanoi day. */
export function atHanoi(day: string, slot: string): Date {
  return parseHanoiTime(`${day} ${slot}`)!;
}
