/**
 * Polls `fn` every 100 ms until `ok` accepts its value or `timeoutMs` has passed, and returns the last value (the
 * caller's assertion then says what was wrong). For state the SFU or a browser reaches a moment later.
 */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
