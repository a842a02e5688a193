// The insights page's chart of questions per day, drawn on the server as SVG (no script): one stacked bar a
// day, one colour per channel × language, with a legend and the same figures as a table for screen readers.
import type { DayCount } from '../../data/insights-repository.js';

// Okabe and Ito's palette: told apart by people with any common colour blindness.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];
export const CHART_HEIGHT = 160;
const BAR_WIDTH = 12;
const GAP = 4;
const AXIS = 36;
// Room above the top gridline for its label.
const TOP = 10;

export interface Series {
  key: string;
  channel: string;
  lang: string;
  colour: string;
  total: number;
}

export interface ChartBar {
  day: string;
  total: number;
  x: number;
  segments: Array<{ series: Series; count: number; y: number; height: number }>;
  /** Every few days a label under the axis, so that they do not overlap. */
  label?: string;
}

/** Rounds the scale's top up to 1, 2 or 5 × 10ⁿ: gridlines at readable values. */
export function niceMax(value: number): number {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((top) => top >= value)!;
}

export function buildDayChart(days: string[], rows: DayCount[]) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(`${row.channel}·${row.lang}`, (totals.get(`${row.channel}·${row.lang}`) ?? 0) + row.count);
  // Most questions first: the biggest series sits at the bottom of every bar and gets the first colour.
  const series: Series[] = [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, total], i) => {
      const [channel, lang] = key.split('·') as [string, string];
      return { key, channel, lang, total, colour: COLOURS[i % COLOURS.length]! };
    });
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const day = counts.get(row.day) ?? new Map<string, number>();
    day.set(`${row.channel}·${row.lang}`, row.count);
    counts.set(row.day, day);
  }
  const dayTotal = (day: string) => [...(counts.get(day)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  const top = niceMax(Math.max(0, ...days.map(dayTotal)));
  const scale = CHART_HEIGHT / top;
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));
  const bars: ChartBar[] = days.map((day, i) => {
    let y = TOP + CHART_HEIGHT;
    const segments = series
      .filter((s) => counts.get(day)?.get(s.key))
      .map((s) => {
        const count = counts.get(day)!.get(s.key)!;
        const height = count * scale;
        y -= height;
        return { series: s, count, y, height };
      });
    return { day, total: dayTotal(day), x: AXIS + i * (BAR_WIDTH + GAP), segments, label: i % labelEvery === 0 ? day.slice(5) : undefined };
  });
  const busiest = bars.reduce<ChartBar | undefined>((best, bar) => (bar.total > (best?.total ?? 0) ? bar : best), undefined);
  return {
    series,
    bars,
    top,
    gridlines: [0, top / 2, top].map((value) => ({ value, y: TOP + CHART_HEIGHT - value * scale })),
    width: AXIS + Math.max(days.length, 1) * (BAR_WIDTH + GAP),
    height: TOP + CHART_HEIGHT + 24,
    barWidth: BAR_WIDTH,
    busiest,
    /** The table's cells: a row a day, a column a series. */
    table: bars.map((bar) => ({ day: bar.day, total: bar.total, counts: series.map((s) => counts.get(bar.day)?.get(s.key) ?? 0) })),
  };
}

export type DayChart = ReturnType<typeof buildDayChart>;
