import { commit, decide, fold, receive, type Command } from '../core/lifecycle';
import type { ReferralEvent } from '../core/events';
import type { Actor, IncomingReferral, Referral } from '../core/referral';
import type { FieldError, StateConflict } from '../core/result';
import type { ReferralEventLog } from '../storage/referral-events';
import type { ReferralProjections } from '../storage/referrals';
import type { Clock } from '../platform/clock';
import { referralIdFor } from './referral-id';

export type TransitionOutcome =
  | { status: 'applied'; referral: Referral; event: ReferralEvent; warnings: string[] }
  | { status: 'invalid'; referral: Referral; errors: FieldError[] }
  | { status: 'conflict'; referral: Referral; conflict: StateConflict }
  | { status: 'not-found' };

export interface ReceiveOutcome {
  created: boolean;
  referral: Referral;
}

/** Every edge (intake, cards, commands, scheduler, sync) changes referrals through this, and only this. */
export interface ReferralService extends ReferralReader {
  receive(incoming: IncomingReferral, actor: Actor): Promise<ReceiveOutcome>;
  apply(id: string, command: Command, actor: Actor): Promise<TransitionOutcome>;
}

/** Told after each change is durable: posts and refreshes cards, writes back to the source. */
export type ReferralChangeListener = (change: { event: ReferralEvent; referral: Referral }) => Promise<void>;

/** Reads referrals as their event logs say they are now. */
export interface ReferralReader {
  /** The referral, brought up to date from its log, or undefined when there is no such referral. */
  load(id: string): Promise<Referral | undefined>;
}

export interface ReferralServiceDeps {
  events: ReferralEventLog;
  projections: ReferralProjections;
  clock: Clock;
  /** Told after each change is durable, in order. Each one's failure is its own: reported, and the change stands. */
  listeners: readonly ReferralChangeListener[];
  onListenerError: (error: unknown, event: ReferralEvent) => void;
}

/** The read half on its own, for the parts that only read (and are built before the service). */
export function createReferralReader(
  deps: Pick<ReferralServiceDeps, 'events' | 'projections'>,
): ReferralReader {
  return {
    async load(id) {
      const stored = await deps.projections.get(id);
      const newer = await deps.events.listAfter(id, stored?.version ?? 0);
      if (newer.length === 0) return stored;
      const current = fold(newer, stored);
      if (current) await deps.projections.save(current);
      return current;
    },
  };
}

// Each lost race costs one reload; a handful of concurrent writers on one referral settle in a few rounds.
const MAX_ATTEMPTS = 100;

export function createReferralService(deps: ReferralServiceDeps): ReferralService {
  const { events, projections, clock } = deps;
  const { load } = createReferralReader(deps);

  async function announce(event: ReferralEvent, referral: Referral): Promise<void> {
    for (const listener of deps.listeners) {
      await listener({ event, referral }).catch((error: unknown) => deps.onListenerError(error, event));
    }
  }

  async function receiveReferral(incoming: IncomingReferral, actor: Actor): Promise<ReceiveOutcome> {
    const id = referralIdFor(incoming.source, incoming.externalId);
    const { event, referral } = receive(incoming, id, actor, clock());
    if ((await events.append(event)) === 'appended') {
      await projections.save(referral);
      await announce(event, referral);
      return { created: true, referral };
    }
    const existing = await load(id);
    if (!existing || existing.source !== incoming.source || existing.externalId !== incoming.externalId) {
      throw new Error(`referral id ${id} is taken by another referral (source/externalId collision)`);
    }
    return { created: false, referral: existing };
  }

  async function apply(id: string, command: Command, actor: Actor): Promise<TransitionOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await load(id);
      if (!current) return { status: 'not-found' };
      const now = clock();
      const decision = decide(current, command, now);
      if (!decision.ok) {
        return decision.conflict
          ? { status: 'conflict', referral: current, conflict: decision.conflict }
          : { status: 'invalid', referral: current, errors: decision.errors };
      }
      const { event, referral } = commit(current, decision.value, actor, now);
      if ((await events.append(event)) === 'appended') {
        await projections.save(referral);
        await announce(event, referral);
        return { status: 'applied', referral, event, warnings: decision.warnings ?? [] };
      }
      // Another writer took this seq first: decide again on the state it left.
    }
    throw new Error(`referral ${id}: gave up after ${MAX_ATTEMPTS} concurrent-write retries`);
  }

  return { receive: receiveReferral, load, apply };
}
