import { commit, decide, type Command, type SourceUpdate } from '../../core/lifecycle';
import type { SourceTransition } from '../../core/events';
import type { IncomingReferral, Referral } from '../../core/referral';
import {
  RECEIVED_AT,
  activeReferral,
  closedReferral,
  hoursAfter,
  incomingReferral,
  newReferral,
  partnerCenter,
} from './fixtures';

const SEEN_AT = new Date('2026-11-20T08:55:00Z');
const NOW = hoursAfter(RECEIVED_AT, 3);

function fromSource(
  overrides: Partial<IncomingReferral>,
  modifiedAt: Date,
  state?: SourceUpdate['state'],
): Command {
  return {
    type: 'update-from-source',
    update: { referral: incomingReferral(overrides), modifiedAt, ...(state ? { state } : {}) },
  };
}

function applied(referral: Referral, command: Command): Referral {
  const decision = decide(referral, command, NOW);
  if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision.errors)}`);
  return commit(referral, decision.value, partnerCenter, NOW).referral;
}

const seen = (overrides: Partial<IncomingReferral> = {}) =>
  newReferral({ sourceModifiedAt: SEEN_AT, ...overrides });

describe('decide: update-from-source', () => {
  it("records the customer's new details and contact-me flag, starting the 72 h flame from now", () => {
    const customer = { ...incomingReferral().customer, name: 'Contoso Holdings' };
    const later = hoursAfter(SEEN_AT, 1);
    const next = applied(seen(), fromSource({ customer, customerRequestedContact: true }, later));
    expect(next).toMatchObject({
      customer: { name: 'Contoso Holdings' },
      customerRequestedContact: true,
      flameEndsAt: hoursAfter(NOW, 72),
      sourceModifiedAt: later,
      status: 'New',
      version: 2,
    });
  });

  it("moves the referral's expiry to the source's new one", () => {
    const sourceExpiresAt = new Date('2026-12-10T00:00:00Z');
    const next = applied(seen(), fromSource({ sourceExpiresAt }, hoursAfter(SEEN_AT, 1)));
    expect(next.expiresAt).toEqual(sourceExpiresAt);
  });

  it('is a no-op, not an event, for a snapshot no newer than the last one applied', () => {
    const referral = applied(seen(), fromSource({ name: 'Later name' }, hoursAfter(SEEN_AT, 2)));
    for (const at of [hoursAfter(SEEN_AT, 2), hoursAfter(SEEN_AT, 1)]) {
      const decision = decide(referral, fromSource({ name: 'Earlier name' }, at), NOW);
      expect(!decision.ok && decision.errors[0]?.code).toBe('not-newer');
    }
  });

  it('applied twice out of order, leaves the later state', () => {
    const early = fromSource({ name: 'Early' }, hoursAfter(SEEN_AT, 1));
    const late = fromSource({ name: 'Late' }, hoursAfter(SEEN_AT, 2));
    const lateFirst = applied(seen(), late);
    expect(decide(lateFirst, early, NOW).ok).toBe(false);
    expect(applied(applied(seen(), early), late).name).toBe('Late');
    expect(lateFirst.name).toBe('Late');
  });

  it('is a no-op when the newer snapshot changes nothing the desk keeps', () => {
    const decision = decide(seen(), fromSource({}, hoursAfter(SEEN_AT, 1)), NOW);
    expect(!decision.ok && decision.errors[0]?.code).toBe('nothing-to-change');
  });

  it('closes a New referral that Partner Center declined, by the source, as a response', () => {
    const declined: SourceTransition = { status: 'Closed', substatus: 'Declined', reason: 'not-a-customer' };
    const next = applied(seen(), fromSource({}, hoursAfter(SEEN_AT, 1), declined));
    expect(next).toMatchObject({
      status: 'Closed',
      substatus: 'Declined',
      closure: { substatus: 'Declined', reason: 'not-a-customer', by: partnerCenter, at: NOW },
      response: { action: 'declined', by: partnerCenter },
    });
  });

  it('follows an acceptance made in Partner Center with the engagement it shows', () => {
    const engagement = {
      name: 'Contoso supply chain',
      value: { amount: 50000, currency: 'USD' },
      purchase: { date: new Date('2027-03-31T00:00:00Z') },
    };
    const next = applied(seen(), fromSource({}, hoursAfter(SEEN_AT, 1), { status: 'Active', engagement }));
    expect(next).toMatchObject({ status: 'Active', substatus: 'Accepted', engagement });
  });

  it('closes an Active referral that Partner Center shows as Won', () => {
    const active = activeReferral({ sourceModifiedAt: SEEN_AT });
    const won: SourceTransition = { status: 'Closed', substatus: 'Won' };
    expect(applied(active, fromSource({}, hoursAfter(SEEN_AT, 1), won)).substatus).toBe('Won');
  });

  it('keeps a referral the desk already closed as it is, taking only the new data', () => {
    const declined = { ...closedReferral('Declined'), sourceModifiedAt: SEEN_AT };
    const expired: SourceTransition = { status: 'Closed', substatus: 'Expired' };
    const next = applied(declined, fromSource({ name: 'Renamed' }, hoursAfter(SEEN_AT, 1), expired));
    expect(next).toMatchObject({ substatus: 'Declined', name: 'Renamed' });
  });

  it('never reopens: a referral the desk accepted stays Active when the source still says New', () => {
    const active = activeReferral({ sourceModifiedAt: SEEN_AT });
    const decision = decide(active, fromSource({}, hoursAfter(SEEN_AT, 1), { status: 'New' }), NOW);
    expect(!decision.ok && decision.errors[0]?.code).toBe('nothing-to-change');
  });
});
