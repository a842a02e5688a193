import { describe, expect, it } from 'vitest';
import { formatHanoi, hanoiRange, parseHanoiTime } from '../../src/domain/publishing/hanoi-time.js';

describe('Hanoi time', () => {
  it('reads what staff type and what a datetime-local field sends, as UTC+7', () => {
    expect(parseHanoiTime('2026-12-01 08:00')?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseHanoiTime('2026-12-01T08:00:30')?.toISOString()).toBe('2026-12-01T01:00:30.000Z');
    expect(parseHanoiTime('2026-12-01T00:30:00+09:00')?.toISOString()).toBe('2026-11-30T15:30:00.000Z');
  });

  it('refuses times that do not exist or are not times', () => {
    for (const text of ['2026-02-30 08:00', '2026-12-01 24:00', '2026-12-01T08:00:61', '2026-12-01', 'tomorrow 8am', '2026-12-01T08:00:00.5']) {
      expect(parseHanoiTime(text), text).toBeUndefined();
    }
  });

  it('shows instants in Hanoi and finds the Monday-to-Sunday week of a day', () => {
    expect(formatHanoi(new Date('2026-11-26T17:30:00Z'))).toBe('2026-11-27 00:30');
    const week = hanoiRange('2026-11-27', 'week')!;
    expect(formatHanoi(week.from)).toBe('2026-11-23 00:00');
    expect(formatHanoi(week.to)).toBe('2026-11-30 00:00');
  });
});
