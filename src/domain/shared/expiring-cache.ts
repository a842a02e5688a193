// Answers kept a short while in this process, by key. The promise is kept, not its value, so callers asking at
// once share one look-up; a look-up that fails is dropped, so the next caller asks again. The clock is given
// (Date.now unless a test brings its own).

/** Keeps what `lookUp` answers for a key `keepMs`; at most `maxKept` keys, the cap guarding against made-up ones. */
export function expiringPromiseCache<V>(keepMs: number, maxKept: number, now: () => number = Date.now) {
  const kept = new Map<string, { until: number; value: Promise<V> }>();
  return function cached(key: string, lookUp: () => Promise<V>): Promise<V> {
    const at = now();
    const hit = kept.get(key);
    if (hit && hit.until > at) return hit.value;
    // Past the cap start afresh: the keys a real caller uses come back within one keepMs.
    if (kept.size >= maxKept) kept.clear();
    const entry = { until: at + keepMs, value: lookUp() };
    kept.set(key, entry);
    // Only a newer entry is left alone; the caller still sees the failure through `value`.
    entry.value.catch(() => kept.get(key) === entry && kept.delete(key));
    return entry.value;
  };
}
