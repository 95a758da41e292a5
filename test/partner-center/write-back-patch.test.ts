import type { ReferralEvent, ReferralEventData } from '../../core/events';
import type { Actor } from '../../core/referral';
import { closeReasonFrom } from '../../partner-center/close-reasons';
import { assessAgainst } from '../../partner-center/write-back-assessment';
import { isWriteBackEvent, patchFor, withoutDeskNotes } from '../../partner-center/write-back-patch';
import { dana } from '../core/fixtures';

const AT = new Date('2026-11-20T10:00:00Z');
const event = (data: ReferralEventData, actor: Actor = dana): ReferralEvent =>
  ({ ...data, referralId: 'r1', seq: 2, at: AT, actor }) as ReferralEvent;

describe('patchFor: each decision as Partner Center’s JSON Patch', () => {
  it('won: closes as Won with the registered deal’s value and date', () => {
    const won = event({
      type: 'won',
      dealRegistration: {
        value: { amount: 40000, currency: 'EUR' },
        closedAt: new Date('2026-11-19T00:00:00Z'),
      },
    });
    expect(patchFor(won)).toEqual([
      { op: 'replace', path: '/status', value: 'Closed' },
      { op: 'replace', path: '/substatus', value: 'Won' },
      { op: 'replace', path: '/details/dealValue', value: 40000 },
      { op: 'replace', path: '/details/currency', value: 'EUR' },
      { op: 'replace', path: '/details/closingDateTime', value: '2026-11-19T00:00:00.000Z' },
    ]);
  });

  it('lost: closes as Lost with the reason in Partner Center’s words', () => {
    expect(patchFor(event({ type: 'lost', reason: 'chose-another-vendor' }))).toContainEqual({
      op: 'replace',
      path: '/statusReason',
      value: 'Customer chose another vendor',
    });
  });

  it('appends the team’s words to Partner Center’s notes once, under a dated line, never overwriting them', () => {
    const accepted = event({
      type: 'accepted',
      engagement: {
        name: 'Rollout',
        value: { amount: 1, currency: 'USD' },
        purchase: {},
        notes: 'Call Sue.',
      },
      contacts: [],
    });
    const block = '[Referral Desk] Accepted by Dana Kim, 2026-11-20\nEngagement: Rollout\nNotes: Call Sue.';
    const notesOp = (current?: string) =>
      patchFor(accepted, current).find((o) => o.path === '/details/notes');
    expect(notesOp('Customer words.')?.value).toBe(`Customer words.\n\n${block}`);
    expect(notesOp(undefined)?.value).toBe(block);
    // A retry after a lost answer: the block is there already.
    expect(notesOp(`Customer words.\n\n${block}`)?.value).toBe(`Customer words.\n\n${block}`);
    expect(patchFor(event({ type: 'expired' }), 'x').some((o) => o.path === '/details/notes')).toBe(false);
  });

  it('reads Partner Center’s notes back without the blocks the desk wrote, keeping everyone else’s', () => {
    const notes =
      'Customer words.\n\n[Referral Desk] Accepted by Dana Kim, 2026-11-20\nNotes: x\n\nAdded in PC.';
    expect(withoutDeskNotes(notes)).toBe('Customer words.\n\nAdded in PC.');
    expect(withoutDeskNotes('A.\n\n[Referral Desk] Won by Lee, 2026-11-24\nNotes: y\nB right after.')).toBe(
      'A.\n\nB right after.',
    );
    expect(withoutDeskNotes('[Referral Desk] Won by Lee, 2026-11-24\nNotes: y')).toBeUndefined();
    expect(withoutDeskNotes('Plain.')).toBe('Plain.');
  });

  it('a decline’s note follows its reason, and the reason still reads back', () => {
    const declined = event({ type: 'declined', reason: 'not-a-customer', notes: 'A student project.' });
    expect(patchFor(declined)).toContainEqual({
      op: 'replace',
      path: '/statusReason',
      value: 'Not a customer: A student project.',
    });
    expect(closeReasonFrom('Not a customer: A student project.')).toBe('not-a-customer');
  });

  it('expired: closes as Expired', () => {
    expect(patchFor(event({ type: 'expired' }))).toEqual([
      { op: 'replace', path: '/status', value: 'Closed' },
      { op: 'replace', path: '/substatus', value: 'Expired' },
    ]);
  });

  it('an edit sends only what changed; a timeframe becomes the end of its window', () => {
    const edit = event({
      type: 'engagement-edited',
      changes: { purchase: { timeframe: '1-3-months' }, crmId: '' },
    });
    expect(patchFor(edit)).toEqual([
      { op: 'replace', path: '/details/closingDateTime', value: '2027-02-20T10:00:00.000Z' },
      { op: 'replace', path: '/externalReferenceId', value: '' },
    ]);
  });

  it('uses only replace and add', () => {
    const ops = patchFor(
      event({ type: 'contact-added', contact: { firstName: 'Ana', email: 'ana@fabrikam.example' } }),
    );
    expect(ops).toEqual([
      { op: 'add', path: '/team/-', value: { firstName: 'Ana', email: 'ana@fabrikam.example' } },
    ]);
  });

  it('never writes back what the source itself did', () => {
    const source = { kind: 'source' as const, id: 'partner-center', name: 'Partner Center' };
    expect(isWriteBackEvent(event({ type: 'expired' }, source))).toBe(false);
    expect(isWriteBackEvent(event({ type: 'expired' }))).toBe(true);
  });
});

describe('assessAgainst: after a 412', () => {
  const accepted = event({
    type: 'accepted',
    engagement: { name: 'x', value: { amount: 1, currency: 'USD' }, purchase: {} },
    contacts: [],
  });
  const declined = event({ type: 'declined', reason: 'not-a-customer' });
  const contact = event({
    type: 'contact-added',
    contact: { firstName: 'Ana', email: 'ana@fabrikam.example' },
  });

  it('is done when Partner Center already shows the decision', () => {
    expect(assessAgainst(accepted, patchFor(accepted), { status: 'Active', substatus: 'Accepted' })).toBe(
      'applied',
    );
  });

  it('sends again while the decision still fits', () => {
    expect(assessAgainst(accepted, patchFor(accepted), { status: 'New', substatus: 'Pending' })).toBe('send');
  });

  it('drops a decline once the referral was accepted or closed elsewhere', () => {
    expect(assessAgainst(declined, patchFor(declined), { status: 'Active', substatus: 'Accepted' })).toBe(
      'superseded',
    );
    expect(assessAgainst(accepted, patchFor(accepted), { status: 'Closed', substatus: 'Expired' })).toBe(
      'superseded',
    );
  });

  it('does not add a contact twice', () => {
    const current = { status: 'Active', team: [{ firstName: 'Ana', email: 'ana@fabrikam.example' }] };
    expect(assessAgainst(contact, patchFor(contact), current)).toBe('applied');
    expect(assessAgainst(contact, patchFor(contact), { status: 'Active', team: [] })).toBe('send');
  });
});
