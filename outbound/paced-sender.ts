import Bottleneck from 'bottleneck';
import { systemClock, type Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { ConnectorError } from './connector-client';

/** Sends to Teams no faster than Teams allows per conversation, and retries what Teams says is transient. */
export interface PacedSender {
  /** Runs `attempt` in `conversationKey`'s turn; retries it while Teams answers with a transient error. */
  send<T>(conversationKey: string, attempt: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Teams' per-bot, per-conversation limits are 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour. Starts
 * 300 ms apart put at most 4 sends in any 1 s and 7 in any 2 s. Bottleneck reservoirs refill on fixed intervals,
 * and a sliding window overlaps two of them, so each long window's reservoir holds half its limit.
 */
export const TEAMS_MIN_SPACING_MS = 300;
export const TEAMS_LONG_WINDOWS = [
  { sends: 30, perMs: 30_000 },
  { sends: 900, perMs: 3_600_000 },
] as const;

export interface PacedSenderOptions {
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Attempts per send, the first included. */
  maxAttempts?: number;
  /** First backoff step; doubles each attempt, with full jitter, up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  minSpacingMs?: number;
  windows?: readonly { sends: number; perMs: number }[];
  log?: Logger;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function limiterGroups(options: PacedSenderOptions): Bottleneck.Group[] {
  const windows = options.windows ?? TEAMS_LONG_WINDOWS;
  // A conversation's limiter may be forgotten only once its longest window has passed.
  const timeout = Math.max(60_000, ...windows.map((w) => w.perMs));
  return [
    // One send at a time keeps a conversation's messages in order and lets a 429 pause hold its queue.
    new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: options.minSpacingMs ?? TEAMS_MIN_SPACING_MS,
      timeout,
    }),
    ...windows.map(
      ({ sends, perMs }) =>
        new Bottleneck.Group({
          reservoir: sends,
          reservoirRefreshAmount: sends,
          reservoirRefreshInterval: perMs,
          timeout,
        }),
    ),
  ];
}

export function createPacedSender(options: PacedSenderOptions = {}): PacedSender {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseBackoffMs = options.baseBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const groups = limiterGroups(options);
  // After a 429, Teams wants the whole conversation to wait, not just the request it refused.
  const pausedUntil = new Map<string, number>();

  function limiterFor(key: string): Bottleneck {
    const limiters = groups.map((group) => group.key(key));
    limiters.slice(0, -1).forEach((limiter, i) => limiter.chain(limiters[i + 1]));
    return limiters[0]!;
  }

  async function waitOutPause(key: string): Promise<void> {
    for (let until = pausedUntil.get(key); until !== undefined; until = pausedUntil.get(key)) {
      const remainingMs = until - clock().getTime();
      if (remainingMs <= 0) {
        pausedUntil.delete(key);
        return;
      }
      await sleep(remainingMs);
    }
  }

  function pauseOn429(key: string, error: unknown): void {
    if (!(error instanceof ConnectorError) || error.status !== 429 || !error.retryAfterMs) return;
    const until = clock().getTime() + error.retryAfterMs;
    pausedUntil.set(key, Math.max(until, pausedUntil.get(key) ?? 0));
  }

  /** Exponential backoff with full jitter: a random wait up to the doubled step, so instances don't retry in step. */
  const backoffMs = (attempt: number) =>
    random() * Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempt - 1));

  async function send<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    const job = async () => {
      await waitOutPause(key);
      try {
        return await attempt();
      } catch (error) {
        pauseOn429(key, error);
        throw error;
      }
    };
    for (let n = 1; ; n++) {
      try {
        return await limiterFor(key).schedule(job);
      } catch (error) {
        if (!(error instanceof ConnectorError) || !error.isRetryable || n >= maxAttempts) throw error;
        const waitMs = Math.max(error.retryAfterMs ?? 0, backoffMs(n));
        options.log?.warn(
          { conversation: key, status: error.status, attempt: n, waitMs: Math.round(waitMs) },
          'teams send retry',
        );
        await sleep(waitMs);
      }
    }
  }

  return {
    send,
    async stop() {
      for (const group of groups) for (const key of group.keys()) await group.deleteKey(key);
      pausedUntil.clear();
    },
  };
}
