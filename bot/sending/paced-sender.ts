import Bottleneck from 'bottleneck';
import type { Logger } from '../../app/logger';
import { ConnectorError } from './connector-client';

/** Sends to Teams no faster than Teams allows per conversation, and retries what Teams says is transient. */
export interface PacedSender {
  send<T>(conversationKey: string, attempt: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Teams' per-bot, per-conversation limits are 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour. Spacing
 * sends 250 ms apart keeps every 1 s and 2 s sliding window within its limit on its own; the two long windows are
 * Bottleneck reservoirs chained behind it.
 */
export const TEAMS_MIN_SPACING_MS = 250;
export const TEAMS_LONG_WINDOWS = [
  { sends: 60, perMs: 30_000 },
  { sends: 1800, perMs: 3_600_000 },
] as const;

export interface PacedSenderOptions {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxAttempts?: number;
  /** First backoff step; doubles each attempt, with full jitter, up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  minSpacingMs?: number;
  windows?: readonly { sends: number; perMs: number }[];
  log?: Logger;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function createPacedSender(options: PacedSenderOptions = {}): PacedSender {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.baseBackoffMs ?? 500;
  const cap = options.maxBackoffMs ?? 30_000;
  const groups = [
    new Bottleneck.Group({ maxConcurrent: 1, minTime: options.minSpacingMs ?? TEAMS_MIN_SPACING_MS }),
    ...(options.windows ?? TEAMS_LONG_WINDOWS).map(
      ({ sends, perMs }) =>
        new Bottleneck.Group({
          reservoir: sends,
          reservoirRefreshAmount: sends,
          reservoirRefreshInterval: perMs,
        }),
    ),
  ];
  const chains = new Map<string, Bottleneck>();
  // After a 429, Teams wants the whole conversation to wait, not just the request it refused.
  const pausedUntil = new Map<string, Promise<void>>();

  function chainFor(key: string): Bottleneck {
    let first = chains.get(key);
    if (!first) {
      const limiters = groups.map((group) => group.key(key));
      limiters.slice(0, -1).forEach((limiter, i) => limiter.chain(limiters[i + 1]));
      first = limiters[0]!;
      chains.set(key, first);
    }
    return first;
  }

  async function send<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      await pausedUntil.get(key);
      try {
        return await chainFor(key).schedule(attempt);
      } catch (error) {
        if (!(error instanceof ConnectorError) || !error.isRetryable || n >= maxAttempts) throw error;
        const backoff = random() * Math.min(cap, base * 2 ** (n - 1));
        const wait = Math.max(error.retryAfterMs ?? 0, backoff);
        options.log?.warn(
          { conversation: key, status: error.status, attempt: n, waitMs: Math.round(wait) },
          'teams send retry',
        );
        const pause = sleep(wait);
        if (error.status === 429) pausedUntil.set(key, pause);
        await pause;
        if (pausedUntil.get(key) === pause) pausedUntil.delete(key);
      }
    }
  }

  return {
    send,
    async stop() {
      for (const group of groups) for (const key of group.keys()) await group.deleteKey(key);
      chains.clear();
    },
  };
}
