import { ConnectorError } from '../../outbound/connector-client';
import {
  createPacedSender,
  SenderStoppedError,
  TEAMS_WINDOWS,
  type PacedSender,
} from '../../outbound/paced-sender';

/** Fake time: `sleep` moves the clock instead of waiting, and records what it was asked to wait. */
function fakeTime(startAt = Date.parse('2026-11-25T09:00:00Z')) {
  let nowMs = startAt;
  const waits: number[] = [];
  return {
    waits,
    now: () => nowMs,
    sleep: async (ms: number) => {
      waits.push(ms);
      const wakeAt = nowMs + ms;
      await new Promise((done) => setImmediate(done));
      nowMs = Math.max(nowMs, wakeAt);
    },
  };
}

const throttled = (retryAfterMs: number) =>
  new ConnectorError('HTTP 429', 429, retryAfterMs, 'TooManyRequests');

describe('paced sender', () => {
  const senders: PacedSender[] = [];
  const sender = (options: Parameters<typeof createPacedSender>[0]) => {
    const created = createPacedSender({ windows: [], ...options });
    senders.push(created);
    return created;
  };
  afterAll(async () => {
    for (const s of senders) await s.stop();
  });

  it('paces within each of Teams’ per-conversation limits, and close to them (a backlog drains near the allowance)', () => {
    const limits = new Map([
      [1_000, 7],
      [2_000, 8],
      [30_000, 60],
      [3_600_000, 1800],
    ]);
    expect(TEAMS_WINDOWS.map((w) => w.perMs)).toEqual([...limits.keys()]);
    for (const window of TEAMS_WINDOWS) {
      expect(window.sends).toBeLessThan(limits.get(window.perMs)!);
      expect(window.sends).toBeGreaterThanOrEqual(limits.get(window.perMs)! * 0.85);
    }
  });

  it('retries after a 429 no earlier than Retry-After, and holds the conversation’s other sends too', async () => {
    const time = fakeTime();
    const paced = sender({ now: time.now, sleep: time.sleep, random: () => 0 });
    const startedAt: { send: string; atMs: number }[] = [];
    let refused = false;
    const attempt = (send: string) => async () => {
      startedAt.push({ send, atMs: time.now() });
      if (send === 'card' && !refused) {
        refused = true;
        throw throttled(3_000);
      }
      return send;
    };
    expect(await Promise.all([paced.send('c', attempt('card')), paced.send('c', attempt('notice'))])).toEqual(
      ['card', 'notice'],
    );

    const refusedAt = startedAt[0]!.atMs;
    const after = startedAt.slice(1);
    expect(after.map((s) => s.send).sort()).toEqual(['card', 'notice']);
    for (const start of after) expect(start.atMs - refusedAt).toBeGreaterThanOrEqual(3_000);
  });

  it('does not hold back other conversations while one waits out a 429', async () => {
    let nowMs = Date.parse('2026-11-25T09:00:00Z');
    const sleeping: (() => void)[] = [];
    const paced = sender({
      now: () => nowMs,
      sleep: (ms) => new Promise<void>((done) => sleeping.push(() => ((nowMs += ms), done()))),
    });
    let refused = false;
    const first = paced.send('throttled', async () => {
      if (!refused) {
        refused = true;
        throw throttled(60_000);
      }
      return 'throttled delivered';
    });
    expect(await paced.send('other', async () => 'other delivered')).toBe('other delivered');
    expect(refused).toBe(true);
    while (sleeping.length === 0) await new Promise((done) => setImmediate(done));
    sleeping.splice(0).forEach((wake) => wake());
    expect(await first).toBe('throttled delivered');
  });

  it('backs off exponentially with full jitter on server errors, then gives up with the last error', async () => {
    const time = fakeTime();
    const paced = sender({
      ...time,
      random: () => 0.5,
      maxAttempts: 5,
      baseBackoffMs: 100,
      maxBackoffMs: 600,
    });
    let attempts = 0;
    const outage = paced.send('c', async () => {
      attempts++;
      throw new ConnectorError(`HTTP 503 #${attempts}`, 503);
    });
    await expect(outage).rejects.toThrow('HTTP 503 #5');
    expect(attempts).toBe(5);
    expect(time.waits).toEqual([50, 100, 200, 300]);
  });

  it('does not retry what Teams refuses for good', async () => {
    const time = fakeTime();
    const paced = sender(time);
    for (const status of [400, 401, 403, 404]) {
      let attempts = 0;
      const refusal = paced.send('c', async () => {
        attempts++;
        throw new ConnectorError(`HTTP ${status}`, status);
      });
      await expect(refusal).rejects.toMatchObject({ status });
      expect(attempts).toBe(1);
    }
    let bugs = 0;
    await expect(
      paced.send('c', async () => {
        bugs++;
        throw new TypeError('not a connector failure');
      }),
    ).rejects.toThrow(TypeError);
    expect(bugs).toBe(1);
    expect(time.waits).toEqual([]);
  });

  it('holds a conversation to its window while another conversation goes ahead', async () => {
    const paced = sender({ windows: [{ sends: 3, perMs: 400 }] });
    const started: { key: string; atMs: number }[] = [];
    const send = (key: string) => paced.send(key, async () => started.push({ key, atMs: performance.now() }));
    const busy = Promise.all(Array.from({ length: 5 }, () => send('busy')));
    await new Promise((done) => setTimeout(done, 50));
    await send('quiet');
    await busy;

    const busyStarts = started.filter((s) => s.key === 'busy').map((s) => s.atMs);
    // Timers fire a few ms early or late against performance.now(); the bound allows for that, not for a lost window.
    expect(busyStarts[3]! - busyStarts[0]!).toBeGreaterThanOrEqual(350);
    const quietStart = started.find((s) => s.key === 'quiet')!.atMs;
    expect(quietStart).toBeLessThan(busyStarts[3]!);
  });

  it('lets a burst through at once and holds the next send until the window has moved past the oldest', async () => {
    const time = fakeTime();
    const paced = sender({ now: time.now, sleep: time.sleep, windows: [{ sends: 3, perMs: 1_000 }] });
    const startedAt: number[] = [];
    const startMs = time.now();
    await Promise.all(
      Array.from({ length: 7 }, () => paced.send('c', async () => startedAt.push(time.now() - startMs))),
    );
    // Three at once, then each further send a full window after the one three before it.
    expect(startedAt).toEqual([0, 0, 0, 1_000, 1_000, 1_000, 2_000]);
  });
});

describe('stopping the paced sender', () => {
  it('fails the sends still waiting for their turn at once, and lets the one already out finish', async () => {
    const paced = createPacedSender({ windows: [{ sends: 1, perMs: 600_000 }] });
    let finishOut: (value: string) => void = () => {};
    let isOut: () => void = () => {};
    const wentOut = new Promise<void>((resolve) => (isOut = resolve));
    const out = paced.send(
      'c',
      () =>
        new Promise<string>((resolve) => {
          finishOut = resolve;
          isOut();
        }),
    );
    // Behind the first, and held for ten minutes by the window: only a stop can end its wait.
    const outcome = (send: Promise<string>) =>
      send.then(
        (value) => value,
        (error: unknown) => error,
      );
    const waiting = [
      outcome(paced.send('c', async () => 'second')),
      outcome(paced.send('c', async () => 'third')),
    ];
    await wentOut;
    paced.stop();
    finishOut('first');
    expect(await out).toBe('first');
    for (const send of waiting) expect(await send).toBeInstanceOf(SenderStoppedError);
    expect(await outcome(paced.send('other', async () => 'late'))).toBeInstanceOf(SenderStoppedError);
  });
});
