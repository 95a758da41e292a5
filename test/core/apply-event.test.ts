import { applyEvent, fold, receive } from '../../core/lifecycle';
import type { ReferralEvent } from '../../core/events';
import type { Referral } from '../../core/referral';
import {
  RECEIVED_AT,
  REFERRAL_ID,
  activeReferral,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  incomingReferral,
  lee,
  newReferral,
  partnerCenter,
  scheduler,
} from './fixtures';

function event(
  referral: Referral,
  data: Partial<ReferralEvent> & Pick<ReferralEvent, 'type'>,
): ReferralEvent {
  return {
    referralId: referral.id,
    seq: referral.version + 1,
    at: daysAfter(RECEIVED_AT, 2),
    actor: dana,
    ...data,
  } as ReferralEvent;
}

/** A deep copy that keeps Dates, to prove the input came out of applyEvent untouched. */
function snapshot(referral: Referral): Referral {
  return structuredClone(referral);
}

describe('applyEvent: received', () => {
  it('builds a New, Pending referral with its 24 h and 14 day clocks running from receipt', () => {
    const referral = newReferral();
    expect(referral).toMatchObject({
      id: REFERRAL_ID,
      status: 'New',
      substatus: 'Pending',
      receivedAt: RECEIVED_AT,
      respondByAt: new Date('2026-11-21T09:00:00Z'),
      expiresAt: new Date('2026-12-04T09:00:00Z'),
      team: [],
      version: 1,
      name: 'Contoso supply chain',
      source: 'partner-center',
    });
  });

  it("takes the source's expiry over the 14 days", () => {
    const sourceExpiresAt = new Date('2026-12-01T00:00:00Z');
    expect(newReferral({ sourceExpiresAt }).expiresAt).toEqual(sourceExpiresAt);
  });

  it('starts the 72 h flame only when the customer asked to be contacted', () => {
    expect(newReferral({ customerRequestedContact: true }).flameEndsAt).toEqual(
      new Date('2026-11-23T09:00:00Z'),
    );
    expect(newReferral()).not.toHaveProperty('flameEndsAt');
  });

  it("runs a late Partner Center referral's clocks from its creation there, not from when it arrived", () => {
    const createdAt = hoursAfter(RECEIVED_AT, -20);
    const referral = newReferral({ createdAt, customerRequestedContact: true });
    expect(referral.receivedAt).toEqual(RECEIVED_AT);
    expect(referral.respondByAt).toEqual(hoursAfter(createdAt, 24));
    expect(referral.expiresAt).toEqual(daysAfter(createdAt, 14));
    expect(referral.flameEndsAt).toEqual(hoursAfter(createdAt, 72));
  });

  it('does not believe a creation time after the referral arrived, nor one from a source that runs no clock', () => {
    expect(newReferral({ createdAt: hoursAfter(RECEIVED_AT, 5) }).respondByAt).toEqual(
      hoursAfter(RECEIVED_AT, 24),
    );
    const generic = newReferral({ source: 'webhook', createdAt: daysAfter(RECEIVED_AT, -3) });
    expect(generic.respondByAt).toEqual(hoursAfter(RECEIVED_AT, 24));
  });

  it('is created in the state the source already had when first seen, by the source', () => {
    const engagement = {
      name: 'Contoso rollout',
      value: { amount: 42000, currency: 'USD' },
      purchase: { date: new Date('2027-03-01T00:00:00Z') },
    };
    const active = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT, {
      status: 'Active',
      engagement,
    });
    expect(active.event).toMatchObject({ type: 'received', seq: 1, firstSeenAs: { status: 'Active' } });
    expect(active.referral).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      engagement,
      response: { action: 'accepted', by: partnerCenter },
      version: 1,
    });
    const lost = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT, {
      status: 'Closed',
      substatus: 'Lost',
    });
    expect(lost.referral).toMatchObject({
      status: 'Closed',
      substatus: 'Lost',
      closure: { by: partnerCenter },
    });
    const pending = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT, { status: 'New' });
    expect(pending.event).not.toHaveProperty('firstSeenAs');
    expect(pending.referral.status).toBe('New');
  });

  it('leaves no undefined properties for the store to turn into nulls', () => {
    const referral = newReferral();
    expect(Object.values(referral)).not.toContain(undefined);
  });
});

describe('applyEvent: each event', () => {
  it('accepted: Active/Accepted, with the engagement, the named contacts on the team, and who responded', () => {
    const referral = activeReferral();
    expect(referral).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      engagement: {
        name: 'Contoso supply chain rollout',
        value: { amount: 30000, currency: 'USD' },
        purchase: { date: new Date('2027-02-01T00:00:00Z') },
        notes: 'Call Sue on Monday.',
        crmId: 'OPP-1042',
      },
      team: [{ firstName: 'Lee', lastName: 'Park', email: 'lee.park@fabrikam.example' }],
      response: { action: 'accepted', by: dana, at: hoursAfter(RECEIVED_AT, 1) },
      version: 2,
    });
    expect(referral.closure).toBeUndefined();
  });

  it('declined: Closed/Declined, recorded both as the response and as the closure', () => {
    const referral = closedReferral('Declined');
    const at = hoursAfter(RECEIVED_AT, 2);
    expect(referral.response).toEqual({ action: 'declined', by: dana, at });
    expect(referral.closure).toEqual({ substatus: 'Declined', by: dana, at, reason: 'not-a-customer' });
    expect(referral.status).toBe('Closed');
  });

  it('won: Closed/Won with the deal registration', () => {
    const active = activeReferral();
    const dealRegistration = {
      value: { amount: 40000, currency: 'USD' },
      closedAt: new Date('2026-11-22T00:00:00Z'),
    };
    const won = applyEvent(active, event(active, { type: 'won', dealRegistration, actor: lee }));
    expect(won).toMatchObject({ status: 'Closed', substatus: 'Won', version: 3 });
    expect(won.closure).toEqual({
      substatus: 'Won',
      by: lee,
      at: daysAfter(RECEIVED_AT, 2),
      dealRegistration,
    });
  });

  it('lost: Closed/Lost with reason and notes', () => {
    const active = activeReferral();
    const lost = applyEvent(
      active,
      event(active, { type: 'lost', reason: 'other', notes: 'Project cancelled.' }),
    );
    expect(lost.closure).toMatchObject({ substatus: 'Lost', reason: 'other', notes: 'Project cancelled.' });
  });

  it('expired: Closed/Expired, closed by the system actor', () => {
    const referral = closedReferral('Expired');
    expect(referral).toMatchObject({ status: 'Closed', substatus: 'Expired' });
    expect(referral.closure).toEqual({ substatus: 'Expired', by: scheduler, at: daysAfter(RECEIVED_AT, 14) });
  });

  it('engagement-edited: merges the changes and keeps the rest', () => {
    const active = activeReferral();
    const edited = applyEvent(
      active,
      event(active, { type: 'engagement-edited', changes: { name: 'Phase 2' } }),
    );
    expect(edited.engagement).toEqual({ ...active.engagement, name: 'Phase 2' });
  });

  it('engagement-edited: an empty notes or CRM ID clears it', () => {
    const active = activeReferral();
    const edited = applyEvent(
      active,
      event(active, { type: 'engagement-edited', changes: { notes: '', crmId: '' } }),
    );
    expect(edited.engagement).not.toHaveProperty('notes');
    expect(edited.engagement).not.toHaveProperty('crmId');
  });

  it('contact-added: appends to the team', () => {
    const active = activeReferral();
    const contact = { firstName: 'Ana', phoneNumber: '+44 20 7946 0000' };
    const next = applyEvent(active, event(active, { type: 'contact-added', contact }));
    expect(next.team).toEqual([...active.team, contact]);
  });
});

describe('applyEvent: purity', () => {
  it('never changes the referral it is given', () => {
    const active = activeReferral();
    const before = snapshot(active);
    applyEvent(
      active,
      event(active, { type: 'contact-added', contact: { firstName: 'Ana', email: 'a@b.co' } }),
    );
    applyEvent(active, event(active, { type: 'engagement-edited', changes: { notes: '' } }));
    applyEvent(active, event(active, { type: 'won' }));
    expect(active).toEqual(before);
  });

  it('returns a new object every time', () => {
    const active = activeReferral();
    const next = applyEvent(active, event(active, { type: 'contact-added', contact: { firstName: 'Ana' } }));
    expect(next).not.toBe(active);
    expect(next.team).not.toBe(active.team);
  });
});

describe('applyEvent: sequence protection', () => {
  it('throws on a gap in the sequence', () => {
    const referral = newReferral();
    expect(() => applyEvent(referral, event(referral, { type: 'expired', seq: 3 }))).toThrow(
      'referral k3v9q2m8x1pz: expected seq 2, got 3 ("expired")',
    );
  });

  it('throws on a replayed event', () => {
    const referral = activeReferral();
    expect(() => applyEvent(referral, event(referral, { type: 'won', seq: 2 }))).toThrow(/expected seq 3/);
  });

  it("throws on another referral's event", () => {
    const referral = newReferral();
    expect(() => applyEvent(referral, event(referral, { type: 'expired', referralId: 'other' }))).toThrow(
      /event for referral other applied to referral k3v9q2m8x1pz/,
    );
  });

  it('throws when the first event is not "received" with seq 1', () => {
    const first = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT).event;
    expect(() => applyEvent(undefined, { ...first, seq: 2 })).toThrow(
      /first event must be "received" with seq 1/,
    );
    expect(() => applyEvent(undefined, { ...first, type: 'expired' } as ReferralEvent)).toThrow(
      /first event/,
    );
  });

  it('throws on a second "received"', () => {
    const referral = newReferral();
    const again = { ...receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT).event, seq: 2 };
    expect(() => applyEvent(referral, again)).toThrow(/received twice/);
  });

  it('throws on an event type it does not know rather than silently skipping it', () => {
    const referral = newReferral();
    expect(() => applyEvent(referral, event(referral, { type: 'teleported' } as never))).toThrow(
      'unknown referral event "teleported"',
    );
  });
});

describe('fold', () => {
  function lifeOfAReferral(): ReferralEvent[] {
    const first = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT);
    const events: ReferralEvent[] = [first.event];
    let referral = first.referral;
    const push = (data: Partial<ReferralEvent> & Pick<ReferralEvent, 'type'>) => {
      const next = event(referral, data);
      events.push(next);
      referral = applyEvent(referral, next);
    };
    push({ type: 'accepted', engagement: activeReferral().engagement!, contacts: [] });
    push({ type: 'contact-added', contact: { firstName: 'Ana', email: 'ana@fabrikam.example' } });
    push({ type: 'lost', reason: 'timeline-too-short' });
    return events;
  }

  it('rebuilds the referral from its whole log', () => {
    const referral = fold(lifeOfAReferral());
    expect(referral).toMatchObject({ status: 'Closed', substatus: 'Lost', version: 4 });
    expect(referral?.team).toHaveLength(1);
  });

  it('brings a stored projection up to date from the events after it', () => {
    const events = lifeOfAReferral();
    const stored = fold(events.slice(0, 2));
    expect(fold(events.slice(2), stored)).toEqual(fold(events));
  });

  it('returns the start unchanged when there is nothing to apply, and undefined when there is no start', () => {
    const referral = newReferral();
    expect(fold([], referral)).toBe(referral);
    expect(fold([])).toBeUndefined();
  });
});
