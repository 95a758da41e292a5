/**
 * Asks `read` again, every 100 ms, until it returns `expected`; after `timeoutMs` it throws with the last value
 * it saw. A wait on a condition, never a fixed sleep.
 */
export async function until<T>(read: () => T | Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let seen = await read();
  while (seen !== expected) {
    if (performance.now() > deadline) throw new Error(`still ${String(seen)}, expected ${String(expected)}`);
    await new Promise((done) => setTimeout(done, 100));
    seen = await read();
  }
}
