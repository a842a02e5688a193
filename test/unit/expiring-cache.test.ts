// The short-lived answers the vlog lists of the pages and the chats' vlog cards keep: how long an answer is kept,
// the cap on how many, one look-up shared by callers asking at once, and a failure never kept.
import { describe, expect, it } from 'vitest';
import { expiringPromiseCache } from '../../src/domain/shared/expiring-cache.js';

/** A cache on a clock the test moves, and the look-ups it made, by key. */
function cacheOnClock(keepMs: number, maxKept: number) {
  let now = 1_000;
  const asked: string[] = [];
  const cached = expiringPromiseCache<string>(keepMs, maxKept, () => now);
  const get = (key: string) =>
    cached(key, async () => {
      asked.push(key);
      return `${key}@${now}`;
    });
  return { get, asked, wait: (ms: number) => (now += ms) };
}

describe('expiringPromiseCache', () => {
  it('keeps an answer keepMs, then asks again', async () => {
    const { get, asked, wait } = cacheOnClock(10_000, 100);
    expect(await get('bat-trang')).toBe('bat-trang@1000');
    wait(9_999);
    expect(await get('bat-trang')).toBe('bat-trang@1000');
    wait(1);
    expect(await get('bat-trang')).toBe('bat-trang@11000');
    expect(asked).toEqual(['bat-trang', 'bat-trang']);
  });

  it('keeps each key apart', async () => {
    const { get, asked } = cacheOnClock(10_000, 100);
    expect(await get('bat-trang')).toBe('bat-trang@1000');
    expect(await get('van-phuc')).toBe('van-phuc@1000');
    await get('bat-trang');
    expect(asked).toEqual(['bat-trang', 'van-phuc']);
  });

  it('lets go of what it kept once it holds maxKept keys', async () => {
    const { get, asked } = cacheOnClock(10_000, 2);
    await get('a');
    await get('b');
    await get('a');
    expect(asked).toEqual(['a', 'b']);
    // A third key: the two kept are dropped, so "a" is asked for again.
    await get('c');
    await get('a');
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });

  it('gives callers asking at once the one look-up in flight', async () => {
    const cached = expiringPromiseCache<number>(10_000, 100, () => 0);
    let lookUps = 0;
    let answer!: (value: number) => void;
    const slow = () => {
      lookUps++;
      return new Promise<number>((resolve) => (answer = resolve));
    };
    const first = cached('vlogs', slow);
    const second = cached('vlogs', slow);
    answer(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(lookUps).toBe(1);
  });

  it('does not keep a failure: every caller of that look-up sees it, and the next caller asks again', async () => {
    const cached = expiringPromiseCache<string>(10_000, 100, () => 0);
    let lookUps = 0;
    const failing = async () => {
      lookUps++;
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    const [a, b] = await Promise.allSettled([cached('vlogs', failing), cached('vlogs', failing)]);
    expect([a.status, b.status]).toEqual(['rejected', 'rejected']);
    expect(lookUps).toBe(1);
    await expect(cached('vlogs', async () => 'back')).resolves.toBe('back');
    await expect(cached('vlogs', failing)).resolves.toBe('back');
    expect(lookUps).toBe(1);
  });
});
