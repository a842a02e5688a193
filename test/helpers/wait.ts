// Waiting in tests for something another process or a timer brings about.
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives a truthy value; `retryErrors` treats a throwing check as "not yet" (a
 * service restarting under it). */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; what?: string; everyMs?: number; retryErrors?: boolean } = {},
): Promise<T> {
  const { timeoutMs = 15_000, what = 'waiting', everyMs = 50, retryErrors = false } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = retryErrors
      ? await Promise.resolve()
          .then(check)
          .catch(() => undefined)
      : await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(everyMs);
  }
}
