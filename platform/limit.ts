/**
 * Runs at most `n` of the tasks given to it at once, the others in the order they came. A finished task hands
 * its place to the next one waiting, so a caller arriving in between never makes it `n + 1`.
 */
export function limitTo(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= n) await new Promise<void>((go) => waiting.push(go));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
