import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Collection, Db, Document } from 'mongodb';

/**
 * Two lanes to the store: requests (a click, an intake, a tab call: someone is waiting for the answer) and
 * background work (a change's effects, the scheduler, recovery). While any request's command is in flight,
 * background commands go one at a time, so a burst of effects cannot stand between a request and the store (the
 * embedded store has one SQLite writer, and every effect is a few writes). Background work never stops: it keeps
 * its one lane, and gets the whole store back once requests have paused (QUIET_MS). Cards lose little by it:
 * Teams' pacing lets a channel take two posts a second, far fewer than one lane carries.
 */
export interface StoreLanes {
  /** `db` with every command it sends admitted by lane. */
  prioritise(db: Db): Db;
  /** Runs `work` (and everything it starts) as a request. */
  asRequest<T>(work: () => T): T;
  /** Runs `work` (and everything it starts) as background work, even when a request started it. */
  inBackground<T>(work: () => T): T;
  /** Commands in flight in each lane, and background commands waiting for theirs. */
  load(): { requests: number; background: number; waiting: number };
}

// The commands a storage module awaits; cursors (`find`, `aggregate`) are read as they are iterated, and pass.
const COMMANDS = new Set<PropertyKey>([
  'findOne',
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'countDocuments',
  'bulkWrite',
]);
// With no request waiting, background work may use as many connections as the driver's pool has.
const UNLIMITED = Number.MAX_SAFE_INTEGER;
// Requests come in waves (a burst's inserts go in batches, storage/insert-batches.ts): the gap between two is not a
// pause. Background work gets the pool back once no request has been at the store for this long.
const QUIET_MS = 25;

export function createStoreLanes(): StoreLanes {
  const context = new AsyncLocalStorage<'request'>();
  let requestCommands = 0;
  let backgroundCommands = 0;
  const waiting: (() => void)[] = [];
  let lastRequestAt = -Infinity;
  let quietTimer: NodeJS.Timeout | undefined;
  const isQuiet = () => requestCommands === 0 && performance.now() - lastRequestAt >= QUIET_MS;
  const backgroundLimit = () => (isQuiet() ? UNLIMITED : 1);

  /** Once requests have paused for QUIET_MS, lets the waiting background commands have the pool. */
  function afterQuiet(): void {
    if (quietTimer || waiting.length === 0) return;
    quietTimer = setTimeout(() => {
      quietTimer = undefined;
      if (isQuiet()) admitWaiting();
      else afterQuiet();
    }, QUIET_MS);
    quietTimer.unref();
  }

  /** Lets waiting background commands in while there is room; each is counted before it is woken. */
  function admitWaiting(): void {
    while (waiting.length > 0 && backgroundCommands < backgroundLimit()) {
      backgroundCommands++;
      waiting.shift()!();
    }
  }

  async function admit<T>(command: () => Promise<T>): Promise<T> {
    if (context.getStore() === 'request') {
      requestCommands++;
      try {
        return await command();
      } finally {
        requestCommands--;
        lastRequestAt = performance.now();
        admitWaiting();
        afterQuiet();
      }
    }
    if (backgroundCommands < backgroundLimit()) backgroundCommands++;
    else
      await new Promise<void>((go) => {
        waiting.push(go);
        afterQuiet();
      });
    try {
      return await command();
    } finally {
      backgroundCommands--;
      admitWaiting();
    }
  }

  function laned<T extends Document>(collection: Collection<T>): Collection<T> {
    return new Proxy(collection, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== 'function' || !COMMANDS.has(property)) return value;
        return (...args: unknown[]) =>
          admit(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  }

  return {
    prioritise(db) {
      return new Proxy(db, {
        get(target, property) {
          const value = Reflect.get(target, property) as unknown;
          if (property !== 'collection') return value;
          return (name: string, options?: object) => laned(target.collection(name, options));
        },
      });
    },
    asRequest: (work) => context.run('request', work),
    inBackground: (work) => context.exit(work),
    load: () => ({ requests: requestCommands, background: backgroundCommands, waiting: waiting.length }),
  };
}
