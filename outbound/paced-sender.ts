import Bottleneck from 'bottleneck';
import type { Logger } from '../platform/logger';
import { ConnectorError } from './connector-client';
import { slidingWindowDelayMs, type SendWindow } from './send-windows';

/** Sends to Teams no faster than Teams allows per conversation, and retries what Teams says is transient. */
export interface PacedSender {
  /** Runs `attempt` in `conversationKey`'s turn; retries it while Teams answers with a transient error. */
  send<T>(conversationKey: string, attempt: () => Promise<T>): Promise<T>;
  /**
   * Takes no more sends: those still waiting for their turn, and any asked for from now on, fail at once with
   * `SenderStoppedError`, so their owners hand them back. Requests already out carry on; whoever awaits them
   * decides how long to wait.
   */
  stop(): void;
}

/** The sender stopped before this send's request went out: nothing reached Teams. */
export class SenderStoppedError extends Error {
  constructor() {
    super('the Teams sender is stopping; the send was not made');
    this.name = 'SenderStoppedError';
  }
}

/**
 * Teams' per-bot, per-conversation limits are 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1,800 per hour, over
 * sliding windows (docs/teams-platform.md, "Rate limits"). These are those limits less a small margin: a burst
 * still goes out at once, and a backlog drains at ~97 % of what Teams allows.
 */
export const TEAMS_WINDOWS: readonly SendWindow[] = [
  { sends: 6, perMs: 1_000 },
  { sends: 7, perMs: 2_000 },
  { sends: 58, perMs: 30_000 },
  { sends: 1_750, perMs: 3_600_000 },
];

export interface PacedSenderOptions {
  /**
   * Milliseconds on a monotonic clock, `performance.now()` by default. Teams counts its limits in real time, so
   * pacing never follows the business clock the rest of the service is given (tests freeze or move that one).
   */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Attempts per send, the first included. */
  maxAttempts?: number;
  /** First backoff step; doubles each attempt, with full jitter, up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  windows?: readonly SendWindow[];
  log?: Logger;
}

// Every wait listens on the sender's one stop signal, so each removes its listener when it ends: a long-lived
// sender would otherwise hold one per wait it ever made.
const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((done) => {
    const onAbort = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function createPacedSender(options: PacedSenderOptions = {}): PacedSender {
  const clockMs = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseBackoffMs = options.baseBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const windows = options.windows ?? TEAMS_WINDOWS;
  const longestWindowMs = Math.max(60_000, ...windows.map((w) => w.perMs));
  // One send at a time per conversation keeps its messages in order and lets a 429 pause hold its queue; a
  // conversation's queue is forgotten once idle for its longest window.
  const queues = new Bottleneck.Group({ maxConcurrent: 1, timeout: longestWindowMs });
  /** When each conversation's recent sends were answered: a send counts against a window until then + window. */
  const answeredAt = new Map<string, number[]>();
  // After a 429, Teams wants the whole conversation to wait, not just the request it refused.
  const pausedUntil = new Map<string, number>();
  const stopping = new AbortController();

  async function waitForTurn(key: string): Promise<void> {
    for (;;) {
      if (stopping.signal.aborted) throw new SenderStoppedError();
      const now = clockMs();
      const pauseMs = (pausedUntil.get(key) ?? 0) - now;
      const windowMs = slidingWindowDelayMs(answeredAt.get(key) ?? [], windows, now);
      const waitMs = Math.max(pauseMs, windowMs);
      if (waitMs <= 0) return;
      await sleep(waitMs, stopping.signal);
    }
  }

  function recordAnswer(key: string): void {
    const now = clockMs();
    const log = (answeredAt.get(key) ?? []).filter((at) => at > now - longestWindowMs);
    log.push(now);
    answeredAt.set(key, log);
  }

  function pauseOn429(key: string, error: unknown): void {
    if (!(error instanceof ConnectorError) || error.status !== 429 || !error.retryAfterMs) return;
    const until = clockMs() + error.retryAfterMs;
    pausedUntil.set(key, Math.max(until, pausedUntil.get(key) ?? 0));
  }

  /** Exponential backoff with full jitter: a random wait up to the doubled step, so instances don't retry in step. */
  const backoffMs = (attempt: number) =>
    random() * Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempt - 1));

  /** Sends not yet out: on a stop each is failed at once, so whoever waits on it can hand its work back. */
  const notYetOut = new Set<(error: Error) => void>();

  /** One try through the conversation's queue; fails with SenderStoppedError if a stop comes before it goes out. */
  function scheduleOnce<T>(key: string, job: () => Promise<T>): Promise<T> {
    if (stopping.signal.aborted) return Promise.reject(new SenderStoppedError());
    return new Promise<T>((resolve, reject) => {
      let isOut = false;
      const failWaiting = (error: Error) => !isOut && reject(error);
      notYetOut.add(failWaiting);
      queues
        .key(key)
        .schedule(async () => {
          if (stopping.signal.aborted) throw new SenderStoppedError();
          isOut = true;
          notYetOut.delete(failWaiting);
          return job();
        })
        .then(resolve, reject)
        .finally(() => notYetOut.delete(failWaiting));
    });
  }

  async function send<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    const job = async () => {
      await waitForTurn(key);
      try {
        return await attempt();
      } catch (error) {
        pauseOn429(key, error);
        throw error;
      } finally {
        // Refused or not, the request reached Teams and counts against the conversation's windows.
        recordAnswer(key);
      }
    };
    for (let n = 1; ; n++) {
      try {
        return await scheduleOnce(key, job);
      } catch (error) {
        if (!(error instanceof ConnectorError) || !error.isRetryable || n >= maxAttempts) throw error;
        const waitMs = Math.max(error.retryAfterMs ?? 0, backoffMs(n));
        options.log?.warn(
          { conversation: key, status: error.status, attempt: n, waitMs: Math.round(waitMs) },
          'teams send retry',
        );
        await sleep(waitMs, stopping.signal);
        if (stopping.signal.aborted) throw new SenderStoppedError();
      }
    }
  }

  return {
    send,
    stop() {
      stopping.abort();
      for (const fail of [...notYetOut]) fail(new SenderStoppedError());
    },
  };
}
