import { commit, decide, receive, type Command } from '../../core/lifecycle';
import { allowedCommands, type CommandType } from '../../core/guards';
import type { Referral } from '../../core/referral';
import {
  CLOSED_AT,
  RECEIVED_AT,
  REFERRAL_ID,
  acceptInput,
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  incomingReferral,
  lee,
  newReferral,
  partnerCenter,
} from './fixtures';

// Late enough that a New referral may expire, early enough that the accept form's purchase date is still ahead.
const NOW = daysAfter(RECEIVED_AT, 15);

const VALID: Record<CommandType, Command> = {
  accept: { type: 'accept', input: acceptInput() },
  decline: { type: 'decline', input: { reason: 'budget-inadequate' } },
  won: { type: 'won', input: { notes: 'Signed the order.' } },
  lost: { type: 'lost', input: { reason: 'chose-another-vendor', notes: 'Went with the incumbent.' } },
  edit: { type: 'edit', input: { notes: 'Budget approved.' } },
  'add-contact': { type: 'add-contact', input: { firstName: 'Ana', email: 'ana@fabrikam.example' } },
  assign: { type: 'assign', input: { owner: 'aad-lee', candidates: [{ id: 'aad-lee', name: 'Lee Park' }] } },
  expire: { type: 'expire' },
};

const EVENT_OF: Record<CommandType, string> = {
  accept: 'accepted',
  decline: 'declined',
  won: 'won',
  lost: 'lost',
  edit: 'engagement-edited',
  'add-contact': 'contact-added',
  assign: 'owner-assigned',
  expire: 'expired',
};

interface StateCase {
  name: string;
  build: () => Referral;
  allowed: CommandType[];
  refusal?: { code: string; message: string };
}

const STATES: StateCase[] = [
  { name: 'New', build: () => newReferral(), allowed: ['accept', 'decline', 'assign', 'expire'] },
  {
    name: 'Active',
    build: () => activeReferral(),
    allowed: ['won', 'lost', 'edit', 'add-contact', 'assign'],
    refusal: { code: 'already-responded', message: 'Already accepted by Dana Kim on 2026-11-20 10:00 UTC.' },
  },
  {
    name: 'Closed/Won',
    build: () => closedReferral('Won'),
    allowed: [],
    refusal: { code: 'closed', message: 'Closed as Won by Lee Park on 2026-11-25 09:00 UTC.' },
  },
  {
    name: 'Closed/Lost',
    build: () => closedReferral('Lost'),
    allowed: [],
    refusal: { code: 'closed', message: 'Closed as Lost by Lee Park on 2026-11-25 09:00 UTC.' },
  },
  {
    name: 'Closed/Declined',
    build: () => closedReferral('Declined'),
    allowed: [],
    refusal: { code: 'closed', message: 'Already declined by Dana Kim on 2026-11-20 11:00 UTC.' },
  },
  {
    name: 'Closed/Expired',
    build: () => closedReferral('Expired'),
    allowed: [],
    refusal: { code: 'closed', message: 'Expired on 2026-12-04 09:00 UTC.' },
  },
];

const NOT_ACCEPTED = {
  code: 'not-active',
  message: 'Not accepted yet: accept this referral before updating it.',
};

describe('decide: every command in every state', () => {
  for (const state of STATES) {
    describe(`a ${state.name} referral`, () => {
      it(`offers exactly ${state.allowed.join(', ') || 'nothing'}`, () => {
        expect(allowedCommands(state.build())).toEqual(expect.arrayContaining(state.allowed));
        expect(allowedCommands(state.build())).toHaveLength(state.allowed.length);
      });

      for (const type of Object.keys(VALID) as CommandType[]) {
        if (state.allowed.includes(type)) {
          it(`allows ${type}, recording a "${EVENT_OF[type]}" event`, () => {
            const decision = decide(state.build(), VALID[type], NOW);
            expect(decision.ok && decision.value.type).toBe(EVENT_OF[type]);
          });
        } else {
          const refusal = state.refusal ?? NOT_ACCEPTED;
          it(`refuses ${type}: "${refusal.message}"`, () => {
            const decision = decide(state.build(), VALID[type], NOW);
            expect(decision.ok).toBe(false);
            expect(!decision.ok && decision.conflict).toMatchObject(refusal);
          });
        }
      }
    });
  }
});

describe('decide: conflicts say who did what, and when', () => {
  it('tells a stale Accept click who accepted first, with the state it found', () => {
    const decision = decide(activeReferral(), VALID.accept, NOW);
    expect(!decision.ok && decision.conflict).toEqual({
      code: 'already-responded',
      message: 'Already accepted by Dana Kim on 2026-11-20 10:00 UTC.',
      current: {
        status: 'Active',
        substatus: 'Accepted',
        by: { name: 'Dana Kim' },
        at: hoursAfter(RECEIVED_AT, 1),
      },
    });
  });

  it('tells a stale Decline click that the referral was already declined, by whom and when', () => {
    const decision = decide(closedReferral('Declined'), VALID.decline, NOW);
    expect(!decision.ok && decision.conflict).toEqual({
      code: 'closed',
      message: 'Already declined by Dana Kim on 2026-11-20 11:00 UTC.',
      current: { status: 'Closed', substatus: 'Declined', by: { name: 'Dana Kim' }, at: CLOSED_AT.Declined },
    });
  });

  it('names the scheduler as the one who expired it', () => {
    const decision = decide(closedReferral('Expired'), VALID.accept, NOW);
    expect(!decision.ok && decision.conflict?.current).toEqual({
      status: 'Closed',
      substatus: 'Expired',
      by: { name: 'Referral Desk' },
      at: CLOSED_AT.Expired,
    });
  });

  it('checks the state before the form: a stale click with a bad form still learns who got there first', () => {
    const decision = decide(activeReferral(), { type: 'accept', input: {} }, NOW);
    expect(!decision.ok && decision.conflict?.code).toBe('already-responded');
    expect(decision.ok || decision.errors).toEqual([]);
  });
});

describe('decide: validation comes after the guard', () => {
  it('returns every field error of an invalid Accept form', () => {
    const decision = decide(newReferral(), { type: 'accept', input: { value: '-5' } }, NOW);
    expect(!decision.ok && decision.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'engagementName:required',
      'value:negative',
      'currency:required',
      'purchaseDate:required',
    ]);
  });

  it('refuses to decline with the reason "other" and no notes', () => {
    const decision = decide(newReferral(), { type: 'decline', input: { reason: 'other' } }, NOW);
    expect(!decision.ok && decision.errors[0]).toMatchObject({ field: 'notes', code: 'required' });
  });

  it('turns an Edit into the changed fields only', () => {
    const decision = decide(
      activeReferral(),
      { type: 'edit', input: { engagementName: 'Renamed', value: '30000' } },
      NOW,
    );
    expect(decision.ok && decision.value).toEqual({
      type: 'engagement-edited',
      changes: { name: 'Renamed' },
    });
  });
});

describe('decide: expire', () => {
  const referral = newReferral();

  it('expires a New referral once its 14 days are up', () => {
    expect(decide(referral, { type: 'expire' }, daysAfter(RECEIVED_AT, 14))).toEqual({
      ok: true,
      value: { type: 'expired' },
    });
  });

  it('refuses to expire a referral a minute early, saying when it will be due', () => {
    const decision = decide(referral, { type: 'expire' }, hoursAfter(daysAfter(RECEIVED_AT, 14), -1 / 60));
    expect(decision).toEqual({
      ok: false,
      errors: [
        {
          field: '',
          code: 'not-yet-due',
          params: { expiresAt: '2026-12-04T09:00:00.000Z' },
          message: 'Not due to expire until 2026-12-04 09:00 UTC.',
        },
      ],
    });
  });

  it("follows the source's own expiry date", () => {
    const early = newReferral({ sourceExpiresAt: daysAfter(RECEIVED_AT, 3) });
    expect(decide(early, { type: 'expire' }, daysAfter(RECEIVED_AT, 3)).ok).toBe(true);
  });

  it('does not expire a referral somebody accepted', () => {
    const decision = decide(activeReferral(), { type: 'expire' }, daysAfter(RECEIVED_AT, 30));
    expect(!decision.ok && decision.conflict?.code).toBe('already-responded');
  });
});

describe('decide: won within 72 hours', () => {
  const accepted = activeReferral(); // accepted 2026-11-20 10:00 UTC
  const acceptedAt = hoursAfter(RECEIVED_AT, 1);

  it('warns when marked Won less than 72 h after acceptance', () => {
    const decision = decide(accepted, VALID.won, hoursAfter(acceptedAt, 71));
    expect(decision.ok && decision.warnings).toEqual(['won-within-72h']);
  });

  it('still records the win: the warning informs, it does not block', () => {
    const decision = decide(accepted, VALID.won, hoursAfter(acceptedAt, 1));
    expect(decision.ok && decision.value).toEqual({ type: 'won', notes: 'Signed the order.' });
  });

  it('does not warn from 72 h on', () => {
    const decision = decide(accepted, VALID.won, hoursAfter(acceptedAt, 72));
    expect(decision).toEqual({ ok: true, value: { type: 'won', notes: 'Signed the order.' } });
  });

  it('warns even when the deal registration is filled in', () => {
    const input = { dealValue: '40000', dealCurrency: 'USD', dealClosedOn: '2026-11-21' };
    const decision = decide(accepted, { type: 'won', input }, hoursAfter(acceptedAt, 24));
    expect(decision.ok && decision.warnings).toEqual(['won-within-72h']);
  });
});

describe('commit', () => {
  it('numbers the event after the referral it follows and applies it', () => {
    const referral = newReferral();
    const decision = decide(referral, VALID.decline, NOW);
    if (!decision.ok) throw new Error('expected ok');
    const { event, referral: next } = commit(referral, decision.value, dana, NOW);
    expect(event).toEqual({
      type: 'declined',
      reason: 'budget-inadequate',
      referralId: REFERRAL_ID,
      seq: 2,
      at: NOW,
      actor: dana,
    });
    expect(next).toMatchObject({ status: 'Closed', substatus: 'Declined', version: 2 });
  });

  it('keeps counting across a whole life: received, accepted, edited, contact added, won', () => {
    let referral = activeReferral();
    referral = applyCommand(referral, VALID.edit, dana, NOW);
    referral = applyCommand(referral, VALID['add-contact'], dana, NOW);
    referral = applyCommand(referral, VALID.won, lee, NOW);
    expect(referral.version).toBe(5);
    expect(referral.substatus).toBe('Won');
  });
});

describe('receive', () => {
  it('creates a New, Pending referral as event 1', () => {
    const { event, referral } = receive(incomingReferral(), REFERRAL_ID, partnerCenter, RECEIVED_AT);
    expect(event).toMatchObject({ type: 'received', referralId: REFERRAL_ID, seq: 1, at: RECEIVED_AT });
    expect(referral).toMatchObject({ id: REFERRAL_ID, status: 'New', substatus: 'Pending', version: 1 });
  });

  it('records only the fields a referral has, whatever else the caller passes', () => {
    const sneaky = { ...incomingReferral(), $where: 'x', 'a.b': 1 } as ReturnType<typeof incomingReferral>;
    const { event, referral } = receive(sneaky, REFERRAL_ID, partnerCenter, RECEIVED_AT);
    expect(Object.keys(event.type === 'received' ? event.referral : {})).not.toContain('$where');
    expect(Object.keys(referral)).not.toContain('a.b');
  });
});
