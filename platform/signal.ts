/**
 * A wake-up call from one part to another that was built after it (the write-back queue to its drainer): the
 * raiser needs only `raise`, the waiter awaits `next`. A raise while nobody waits is kept for the next wait, so
 * none is lost; several raises before a wait count as one.
 */
export interface Signal {
  raise(): void;
  /** Resolves at the next raise, or at once when one came since the last `next`. */
  next(): Promise<void>;
}

export function createSignal(): Signal {
  let raised = false;
  let wake: (() => void) | undefined;
  return {
    raise() {
      if (wake) {
        const resolve = wake;
        wake = undefined;
        resolve();
      } else raised = true;
    },
    next() {
      if (raised) {
        raised = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => (wake = resolve));
    },
  };
}
