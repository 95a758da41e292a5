import { untilDeadline } from '../platform/grace';
import type { Logger } from '../platform/logger';

/**
 * A stop in three phases under one deadline. First every part stops taking new work (no new connections, ticks
 * or polls; what still waits for Teams is handed back at once). Then what is in flight gets until the deadline,
 * all parts at once. Last, whatever is left is closed, the store at the very end. What was cut short is not lost:
 * its marks, leases and queues in the store say what is left to do.
 */
export class Shutdown {
  private readonly halts: (() => void)[] = [];
  private readonly drains: (() => Promise<unknown>)[] = [];
  private readonly closes: (() => Promise<unknown>)[] = [];

  constructor(private readonly log: Logger) {}

  /** Stops a part taking new work; must not wait. */
  onHalt(halt: () => void): void {
    this.halts.push(halt);
  }

  /** Lets a part finish what it is doing; cut at the deadline. */
  onDrain(drain: () => Promise<unknown>): void {
    this.drains.push(drain);
  }

  /** Closes a part; run in the reverse order of registration, after the drains. */
  onClose(close: () => Promise<unknown>): void {
    this.closes.push(close);
  }

  async run(graceMs: number): Promise<void> {
    const deadline = performance.now() + graceMs;
    for (const halt of this.halts) this.attempt(() => halt());
    const drains = this.drains.map((drain) => this.attempt(drain));
    if ((await untilDeadline(Promise.all(drains), deadline)) === 'cut')
      this.log.warn({ graceMs }, 'stop grace period over; what is still running is left to the next start');
    for (const close of [...this.closes].reverse()) await this.attempt(close);
  }

  private async attempt(step: () => unknown): Promise<void> {
    try {
      await step();
    } catch (error) {
      this.log.error({ err: error }, 'stop step failed');
    }
  }
}
