import { commit, decide, fold, receive, type Command, type SourceUpdate } from '../core/lifecycle';
import type { ReferralEvent } from '../core/events';
import type { Actor, IncomingReferral, Referral } from '../core/referral';
import type { FieldError, StateConflict } from '../core/result';
import type { ReferralEventLog } from '../storage/referral-events';
import type { ReferralProjections } from '../storage/referrals';
import { LruCache } from '../storage/lru-cache';
import { isNothingSentError } from '../storage/mongo';
import type { Clock } from '../platform/clock';
import type { ChangeEffects } from './change-effects';
import { referralIdFor } from './referral-id';

/** `prepared`: what the caller's `whileSaving` made of the change, when it gave one. */
export type TransitionOutcome<T = undefined> =
  | { status: 'applied'; referral: Referral; event: ReferralEvent; warnings: string[]; prepared: T }
  | { status: 'invalid'; referral: Referral; errors: FieldError[] }
  | { status: 'conflict'; referral: Referral; conflict: StateConflict }
  | { status: 'not-found' };

export interface ReceiveOutcome {
  created: boolean;
  referral: Referral;
}

/** Every edge (intake, cards, commands, scheduler, sync) changes referrals through this, and only this. */
export interface ReferralService extends ReferralReader {
  /** A new referral, New or (`firstSeenAs`) in the state its source already had; a repeat changes nothing. */
  receive(
    incoming: IncomingReferral,
    actor: Actor,
    firstSeenAs?: SourceUpdate['state'],
  ): Promise<ReceiveOutcome>;
  /**
   * Decides and appends `command`. `whileSaving` is handed the change as decided, before it is appended, and runs
   * while its writes are in flight (a click builds the clicker's card then); its result is kept only if that very
   * change is the one appended.
   */
  apply<T = undefined>(
    id: string,
    command: Command,
    actor: Actor,
    whileSaving?: WhileSaving<T>,
  ): Promise<TransitionOutcome<T>>;
}

/** Work on a decided change that does not need it stored first, done while the store writes it. */
export type WhileSaving<T> = (change: {
  referral: Referral;
  event: ReferralEvent;
  warnings: string[];
}) => Promise<T>;

/** Reads referrals as their event logs say they are now. */
export interface ReferralReader {
  /** The referral, brought up to date from its log, or undefined when there is no such referral. */
  load(id: string): Promise<Referral | undefined>;
}

/**
 * The store failed while a new referral was being written. `mayBeSaved` is false only when nothing reached the
 * store (it could not be selected at all): then the sender knows nothing was kept; otherwise it may have been,
 * and sending the same referral again is safe, since repeats are recognised by id.
 */
export class ReceiveFailedError extends Error {
  constructor(
    readonly mayBeSaved: boolean,
    override readonly cause: unknown,
  ) {
    super(`the referral store failed during intake: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'ReceiveFailedError';
  }
}

export interface ReferralServiceDeps {
  events: ReferralEventLog;
  projections: ReferralProjections;
  /** What each change sets off, carried out from a durable mark. */
  effects: ChangeEffects;
  clock: Clock;
}

/** The read half on its own, for the parts that only read (and are built before the service). */
export function createReferralReader(
  deps: Pick<ReferralServiceDeps, 'events' | 'projections' | 'clock'>,
): ReferralReader {
  return {
    async load(id) {
      const stored = await deps.projections.get(id);
      const newer = await deps.events.listAfter(id, stored?.version ?? 0);
      if (newer.length === 0) return stored;
      const current = fold(newer, stored);
      // The projection lagged (a crash, or two savers interleaving): heal it while we have the truth at hand.
      if (current) await deps.projections.save(current, deps.clock());
      return current;
    },
  };
}

// Each lost race costs one reload; a handful of concurrent writers on one referral settle in a few rounds.
const MAX_ATTEMPTS = 100;
/**
 * Referrals this instance made or changed last, as it left them. The programme asks for an answer within 24 hours,
 * so the next click on a referral mostly comes soon after its card was posted. A few thousand are a few MB.
 */
const RECENT_KEPT = 2_000;

export function createReferralService(deps: ReferralServiceDeps): ReferralService {
  const { events, projections, effects, clock } = deps;
  const { load } = createReferralReader(deps);
  // The state to decide on first, like the projection: it may lag (another instance changed the referral since),
  // and then the append loses to the event it missed and the referral is read again from the log.
  const recent = new LruCache<string, Referral>(RECENT_KEPT);

  /**
   * A new referral: its mark and its first event are written together (one round trip). Should the process die
   * with the event written and the mark not, the sender was never answered and sends again; the repeat finds the
   * referral and carries out its effects.
   */
  async function receiveReferral(
    incoming: IncomingReferral,
    actor: Actor,
    firstSeenAs?: SourceUpdate['state'],
  ): Promise<ReceiveOutcome> {
    const id = referralIdFor(incoming.source, incoming.externalId);
    const { event, referral } = receive(incoming, id, actor, clock(), firstSeenAs);
    const [marked, appended] = await Promise.allSettled([effects.begin(id), events.append(event)]);
    if (appended.status === 'rejected') {
      if (marked.status === 'fulfilled') effects.abandon(marked.value);
      throw new ReceiveFailedError(!isNothingSentError(appended.reason), appended.reason);
    }
    if (marked.status === 'rejected') throw new ReceiveFailedError(true, marked.reason);
    if (appended.value === 'appended') {
      recent.set(id, referral);
      effects.carryOut(marked.value, { event, referral });
      return { created: true, referral };
    }
    const existing = await load(id);
    if (!existing || existing.source !== incoming.source || existing.externalId !== incoming.externalId) {
      effects.abandon(marked.value);
      throw new Error(`referral id ${id} is taken by another referral (source/externalId collision)`);
    }
    // A repeat: the first delivery may have died before its effects, so they are carried out (again).
    effects.carryOut(marked.value, { referral: existing });
    return { created: false, referral: existing };
  }

  /**
   * Decides on the projection and appends the next event; if the projection lagged the log, the append loses to
   * the event it missed and the referral is read again from the log. So an accepted click costs a read and an
   * insert (and the mark, written alongside the read), or only the insert and the mark when this instance changed
   * the referral lately. The decision and `whileSaving` run while the mark is written; the append waits for it. A
   * refusal is only given on a state read from the log, since a lagging copy could refuse what the log allows.
   */
  async function apply<T>(
    id: string,
    command: Command,
    actor: Actor,
    whileSaving?: WhileSaving<T>,
  ): Promise<TransitionOutcome<T>> {
    // Should anything below throw, the mark stays: if the append did land, the sweep finishes its effects; if not,
    // the sweep finds nothing to do and clears it.
    const marking = effects.begin(id);
    marking.catch(() => undefined); // awaited below, on every path
    let current = recent.get(id) ?? (await projections.get(id));
    let isFromLog = false;
    const reload = async () => {
      current = await load(id);
      isFromLog = true;
      if (current) recent.set(id, current);
    };
    if (!current) await reload();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!current) return settle(await marking, { status: 'not-found' });
      const now = clock();
      const decision = decide(current, command, now);
      if (!decision.ok && !isFromLog) {
        await reload();
        continue;
      }
      if (!decision.ok) {
        return settle(
          await marking,
          decision.conflict
            ? { status: 'conflict', referral: current, conflict: decision.conflict }
            : { status: 'invalid', referral: current, errors: decision.errors },
        );
      }
      const { event, referral } = commit(current, decision.value, actor, now);
      const warnings = decision.warnings ?? [];
      const preparing = whileSaving?.({ referral, event, warnings });
      preparing?.catch(() => undefined); // awaited below, once the append has won
      const mark = await marking;
      if ((await events.append(event)) === 'appended') {
        recent.set(id, referral);
        effects.carryOut(mark, { event, referral });
        return { status: 'applied', referral, event, warnings, prepared: (await preparing) as T };
      }
      // Another writer took this seq first (or the projection lagged): decide again on the state it left.
      await reload();
    }
    effects.abandon(await marking);
    throw new Error(`referral ${id}: gave up after ${MAX_ATTEMPTS} concurrent-write retries`);
  }

  function settle<T>(mark: Parameters<ChangeEffects['abandon']>[0], outcome: TransitionOutcome<T>) {
    effects.abandon(mark);
    return outcome;
  }

  return { receive: receiveReferral, load, apply };
}
