import { startEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store';

/**
 * The embedded store, kept running: when it dies on its own it is started again on the same files and the same
 * port (so the driver, which keeps retrying that address, reconnects by itself), with growing waits between tries.
 */
export interface SupervisedStore {
  uri: string;
  /** The current store process. */
  pid(): number | undefined;
  /** False once the store has been down longer than `deadAfterMs`: the service cannot work and should be restarted. */
  isAlive(): boolean;
  stop(): Promise<void>;
}

export interface SupervisorOptions extends Omit<EmbeddedStoreOptions, 'listen' | 'onUnexpectedExit'> {
  /** Waits before each restart try; the last repeats. */
  restartDelaysMs?: readonly number[];
  /** How long the store may stay down before `isAlive` says no. */
  deadAfterMs?: number;
  now?: () => number;
}

const DEFAULT_RESTART_DELAYS_MS = [250, 1_000, 2_000, 5_000, 10_000];
const DEFAULT_DEAD_AFTER_MS = 60_000;

export async function superviseEmbeddedStore(options: SupervisorOptions): Promise<SupervisedStore> {
  const { log = () => {}, restartDelaysMs = DEFAULT_RESTART_DELAYS_MS } = options;
  const deadAfterMs = options.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS;
  const now = options.now ?? (() => performance.now());
  let isStopping = false;
  const stopping = new AbortController();
  let downSince: number | undefined;
  let current: EmbeddedStore | undefined;
  let restarting: Promise<void> | undefined;

  const start = (listen: string) =>
    startEmbeddedStore({ ...options, listen, onUnexpectedExit: (reason) => onExit(reason) });

  current = await start('127.0.0.1:0');
  const { host } = new URL(current.uri);

  function onExit(reason: string): void {
    if (isStopping) return;
    current = undefined;
    downSince ??= now();
    log('embedded store died; restarting it', { reason });
    restarting ??= restart().finally(() => (restarting = undefined));
  }

  async function restart(): Promise<void> {
    for (let attempt = 0; !isStopping; attempt++) {
      const delayMs = restartDelaysMs[Math.min(attempt, restartDelaysMs.length - 1)] ?? 1_000;
      await sleep(delayMs, stopping.signal);
      if (isStopping) return;
      try {
        const started = await start(host);
        if (isStopping) return void (await started.stop());
        current = started;
        log('embedded store restarted', { pid: started.pid, attempt: attempt + 1 });
        downSince = undefined;
        return;
      } catch (error) {
        log('embedded store restart failed; trying again', { attempt: attempt + 1, error: String(error) });
      }
    }
  }

  return {
    uri: current.uri,
    pid: () => current?.pid,
    isAlive: () => downSince === undefined || now() - downSince < deadAfterMs,
    async stop() {
      isStopping = true;
      stopping.abort();
      await restarting;
      await current?.stop();
    },
  };
}

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
