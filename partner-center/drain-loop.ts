import type { Logger } from '../platform/logger';
import type { Signal } from '../platform/signal';

/**
 * Drains the write-back outbox one pass at a time: right after a decision is queued (`wake`), and every
 * `intervalMs` for retries that came due. A wake during a pass asks for one more pass after it.
 */
export function startDrainLoop(options: {
  drain: () => Promise<void>;
  wake: Signal;
  intervalMs: number;
  log: Logger;
}): { stop(): Promise<void> } {
  let isStopping = false;
  let stopNow: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stopNow = resolve));
  const loop = (async () => {
    while (!isStopping) {
      let timer: NodeJS.Timeout | undefined;
      const interval = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.intervalMs)));
      await Promise.race([options.wake.next(), interval, stopped]);
      clearTimeout(timer);
      if (isStopping) return;
      await options
        .drain()
        .catch((error: unknown) =>
          options.log.error({ err: error }, 'outbox drain failed; the next one will try again'),
        );
    }
  })();
  return {
    async stop() {
      isStopping = true;
      stopNow();
      await loop;
    },
  };
}
