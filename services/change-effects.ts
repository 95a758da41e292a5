import type { ReferralEvent } from '../core/events';
import type { Referral } from '../core/referral';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { PendingChange, PendingChanges } from '../storage/pending-changes';
import { withTransientRetry } from '../storage/mongo';
import { limitTo } from '../platform/limit';

/**
 * What a change sets off, after it is durable. `event` is the change just made; it is absent when a change is
 * finished after a crash (or repeated by its sender), and then the effect brings what it owns in line with the
 * referral as it is now: posts the card that was never posted, queues what was never queued. Every effect is
 * idempotent, so running one twice is harmless.
 */
export interface ChangeEffect {
  name: string;
  run(change: { referral: Referral; event?: ReferralEvent }): Promise<void>;
}

/** Carries out every change's effects from a durable mark, never from memory alone. */
export interface ChangeEffects {
  /** Marks a change about to be made to `referralId`; call before appending its event. */
  begin(referralId: string): Promise<PendingChange>;
  /** The change is durable: runs its effects in the background, then clears its mark. */
  carryOut(mark: PendingChange, change: { referral: Referral; event?: ReferralEvent }): void;
  /** The change was not made (refused, or lost to another writer): clears its mark in the background. */
  abandon(mark: PendingChange): void;
  /**
   * Finishes the marks a crash or a failed effect left behind, all of them, a page at a time; returns how many it
   * took up. Marks younger than the stale age may belong to a writer still at work, so they wait, unless `all` (at
   * start-up, when every mark older than this process is an orphan). `inBackground`: returns once every mark is
   * queued, before its effects are done; a change made after that to the same referral still runs after them.
   */
  recover(options?: { all?: boolean; inBackground?: boolean }): Promise<number>;
  /** Resolves when every effect started so far has run. */
  idle(): Promise<void>;
}

export interface ChangeEffectsDeps {
  marks: PendingChanges;
  load(referralId: string): Promise<Referral | undefined>;
  effects: readonly ChangeEffect[];
  clock: Clock;
  log: Logger;
  /** A mark older than this, and not being worked on here, is taken for one whose writer died. */
  staleAfterMs?: number;
  /**
   * Runs a change's effects as background work, though a request started them (storage/store-lanes.ts): the
   * request's answer need not wait behind them at the store.
   */
  inBackground?: <T>(work: () => T) => T;
}

// A live writer clears its mark within seconds; a minute leaves room for Teams' pacing on a busy channel.
const DEFAULT_STALE_AFTER_MS = 60_000;
const RECOVERY_BATCH = 200;
const RECOVERY_CONCURRENCY = 16;

export function createChangeEffects(deps: ChangeEffectsDeps): ChangeEffects {
  const running = new Map<string, Promise<void>>();
  const lastFor = new Map<string, Promise<void>>();
  const staleAfterMs = deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const inBackground = deps.inBackground ?? ((work) => work());
  // Thousands of marks after a crash are finished a few at a time, not all at once against the store and Teams.
  const recovering = limitTo(RECOVERY_CONCURRENCY);

  /** Runs every effect; a failed one is logged and leaves the mark in place, so it is tried again later. */
  async function runAll(mark: PendingChange, change: { referral: Referral; event?: ReferralEvent }) {
    let failed = 0;
    for (const effect of deps.effects) {
      try {
        await withTransientRetry(() => effect.run(change));
      } catch (error) {
        failed++;
        deps.log.error(
          { err: error, effect: effect.name, referralId: mark.referralId, seq: change.event?.seq },
          'change effect failed; it will be tried again',
        );
      }
    }
    if (failed === 0) await withTransientRetry(() => deps.marks.clear(mark.id));
  }

  /** A change left behind, carried out from the referral as it is now. */
  async function finish(mark: PendingChange): Promise<void> {
    const referral = await deps.load(mark.referralId);
    // No referral: the change never got past its mark (a refused create, or a crash before the append).
    if (referral) await runAll(mark, { referral });
    else await withTransientRetry(() => deps.marks.clear(mark.id));
  }

  /**
   * Runs `work` after the work already queued for the same referral: a referral's changes have their effects
   * carried out in the order they were made, so the projection and the card never step back to an older state.
   */
  function track(mark: PendingChange, work: () => Promise<void>): void {
    const previous = lastFor.get(mark.referralId) ?? Promise.resolve();
    const run = previous
      .then(() => inBackground(work))
      .catch((error: unknown) => deps.log.error({ err: error, mark: mark.id }, 'change effects failed'))
      .finally(() => {
        running.delete(mark.id);
        if (lastFor.get(mark.referralId) === run) lastFor.delete(mark.referralId);
      });
    running.set(mark.id, run);
    lastFor.set(mark.referralId, run);
  }

  return {
    begin: (referralId) => deps.marks.mark(referralId, deps.clock()),
    carryOut(mark, change) {
      track(mark, () => runAll(mark, change));
    },
    abandon(mark) {
      track(mark, () => withTransientRetry(() => deps.marks.clear(mark.id)));
    },
    async recover(options = {}) {
      const cutoff = new Date(deps.clock().getTime() - (options.all ? 0 : staleAfterMs));
      const taken: Promise<void>[] = [];
      let page = await deps.marks.madeBy(cutoff, RECOVERY_BATCH);
      while (page.length > 0) {
        for (const mark of page) {
          if (running.has(mark.id)) continue;
          track(mark, () => recovering(() => finish(mark)));
          taken.push(running.get(mark.id)!);
        }
        page =
          page.length < RECOVERY_BATCH ? [] : await deps.marks.madeBy(cutoff, RECOVERY_BATCH, page.at(-1));
      }
      if (!options.inBackground) await Promise.all(taken);
      return taken.length;
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
  };
}
