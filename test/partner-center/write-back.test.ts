import { testReferralService } from '../support/referral-service';
import { dana } from '../core/fixtures';
import { startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { START, pendingReferral, startHarness, type Harness } from './harness';

const accept = {
  type: 'accept' as const,
  input: {
    engagementName: 'Contoso supply chain rollout',
    value: '30000',
    currency: 'USD',
    purchaseDate: '2027-02-01',
    crmId: 'OPP-1042',
    contacts: [{ firstName: 'Lee', lastName: 'Park', email: 'lee.park@fabrikam.example' }],
  },
};
const seconds = (n: number) => new Date(START.getTime() + n * 1000);

describe('writing decisions back to Partner Center', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let h: Harness;
  let database: string;

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
  });
  // Each spec drains an outbox of its own, on a clock at START; Partner Center is shared, ids are not.
  beforeEach(async () => {
    database = freshDatabase('pc-write-back');
    h = await startHarness(store.uri, peer, database);
  });
  afterEach(async () => {
    await h?.close();
  });
  afterAll(async () => {
    await peer?.close();
    await store?.stop();
  });

  /** A referral Partner Center sent and the desk took in (through its webhook). */
  async function taken(id: string): Promise<string> {
    peer.put(pendingReferral(id));
    await h.postEvent(peer.signedEvent('referral-created', id));
    return h.idOf(id);
  }
  const patchesOf = (id: string) => peer.patches.filter((p) => p.id === id);

  it('writes back what the team wrote: engagement and notes appended to Partner Center’s notes, a loss’s note after its reason', async () => {
    const id = await taken('rfi-notes');
    const withNotes = { ...accept, input: { ...accept.input, notes: 'Call Sue on Monday.' } };
    expect((await h.service.apply(id, withNotes, dana)).status).toBe('applied');
    await h.pc.drainOutbox(START);
    // Someone adds to the notes in Partner Center meanwhile: their words stay.
    peer.change('rfi-notes', (r) => {
      (r.details as { notes: string }).notes += '\nCustomer prefers email.';
    });
    const lost = {
      type: 'lost' as const,
      input: { reason: 'chose-another-vendor', notes: 'Went with Contoso IT.' },
    };
    expect((await h.service.apply(id, lost, dana)).status).toBe('applied');
    await h.pc.drainOutbox(seconds(1));
    const [accepted, closed] = patchesOf('rfi-notes');
    expect(accepted?.operations).toContainEqual({
      op: 'replace',
      path: '/details/notes',
      value:
        'Looking for Dynamics 365 for the supply chain.\n\n[Referral Desk] Accepted by Dana Kim, 2026-11-20\n' +
        'Engagement: Contoso supply chain rollout\nNotes: Call Sue on Monday.',
    });
    expect(closed?.operations).toContainEqual({
      op: 'replace',
      path: '/statusReason',
      value: 'Customer chose another vendor: Went with Contoso IT.',
    });
    const notes = String((peer.referrals.get('rfi-notes')!.details as { notes: string }).notes);
    expect(notes).toContain('Looking for Dynamics 365 for the supply chain.');
    expect(notes).toContain('Notes: Call Sue on Monday.');
    expect(peer.referrals.get('rfi-notes')).toMatchObject({ status: 'Closed', substatus: 'Lost' });
    // Read back (after the 412), the desk's own block is not shown as what the customer wrote; the rest is.
    const seen = (await h.service.load(id))!.details.notes;
    expect(seen).toContain('Customer prefers email.');
    expect(seen).not.toContain('[Referral Desk]');
  });

  it('appends a win’s notes and Microsoft contact to the notes as Partner Center has them now', async () => {
    const id = await taken('rfi-won-notes');
    await h.service.apply(id, accept, dana);
    await h.pc.drainOutbox(START);
    peer.change('rfi-won-notes', (r) => {
      (r.details as { notes: string }).notes += '\nAdded in Partner Center.';
    });
    h.clock.now = new Date(START.getTime() + 4 * 24 * 3600_000);
    const won = {
      type: 'won' as const,
      input: {
        notes: 'Signed for 3 years.',
        dealValue: '30000',
        dealCurrency: 'USD',
        dealClosedOn: '2026-11-23',
        microsoftContactEmail: 'seller@microsoft.com',
      },
    };
    expect((await h.service.apply(id, won, dana)).status).toBe('applied');
    await h.pc.drainOutbox(h.clock.now);
    const notes = String((peer.referrals.get('rfi-won-notes')!.details as { notes: string }).notes);
    expect(notes).toContain('Added in Partner Center.');
    expect(notes).toContain(
      '[Referral Desk] Won by Dana Kim, 2026-11-24\nNotes: Signed for 3 years.\nMicrosoft contact: seller@microsoft.com',
    );
    expect(peer.referrals.get('rfi-won-notes')).toMatchObject({
      substatus: 'Won',
      details: { dealValue: 30000 },
    });
  });

  it('sends an acceptance as exactly one PATCH, under the eTag it last saw', async () => {
    const id = await taken('rfi-accept');
    const eTag = peer.referrals.get('rfi-accept')!.eTag;
    expect((await h.service.apply(id, accept, dana)).status).toBe('applied');
    await h.effects.idle();
    expect(await h.pc.syncStateOf(id)).toBe('pending');
    expect(await h.pc.drainOutbox(START)).toMatchObject({ sent: 1 });
    expect(patchesOf('rfi-accept')).toEqual([
      {
        id: 'rfi-accept',
        ifMatch: eTag,
        operations: [
          { op: 'replace', path: '/status', value: 'Active' },
          { op: 'replace', path: '/substatus', value: 'Accepted' },
          { op: 'replace', path: '/details/dealValue', value: 30000 },
          { op: 'replace', path: '/details/currency', value: 'USD' },
          { op: 'replace', path: '/details/closingDateTime', value: '2027-02-01T00:00:00.000Z' },
          { op: 'replace', path: '/externalReferenceId', value: 'OPP-1042' },
          {
            op: 'add',
            path: '/team/-',
            value: { firstName: 'Lee', lastName: 'Park', email: 'lee.park@fabrikam.example' },
          },
          {
            op: 'replace',
            path: '/details/notes',
            value:
              'Looking for Dynamics 365 for the supply chain.\n\n' +
              '[Referral Desk] Accepted by Dana Kim, 2026-11-20\nEngagement: Contoso supply chain rollout',
          },
        ],
      },
    ]);
    expect(peer.referrals.get('rfi-accept')).toMatchObject({ status: 'Active', substatus: 'Accepted' });
    expect(await h.pc.syncStateOf(id)).toBeUndefined();
    await h.pc.drainOutbox(seconds(600));
    expect(patchesOf('rfi-accept')).toHaveLength(1);
  });

  it('sends a decline with Partner Center’s wording of the reason', async () => {
    const id = await taken('rfi-decline');
    await h.service.apply(id, { type: 'decline', input: { reason: 'budget-inadequate' } }, dana);
    await h.pc.drainOutbox(START);
    expect(patchesOf('rfi-decline').map((p) => p.operations)).toEqual([
      [
        { op: 'replace', path: '/status', value: 'Closed' },
        { op: 'replace', path: '/substatus', value: 'Declined' },
        { op: 'replace', path: '/statusReason', value: "Project budget isn't adequate" },
      ],
    ]);
  });

  it('sends later decisions in order, each under the eTag the previous one left', async () => {
    const id = await taken('rfi-sequence');
    await h.service.apply(id, accept, dana);
    await h.service.apply(
      id,
      { type: 'add-contact', input: { firstName: 'Ana', email: 'ana@fabrikam.example' } },
      dana,
    );
    await h.pc.drainOutbox(START);
    await h.pc.drainOutbox(START);
    const [first, second] = patchesOf('rfi-sequence');
    expect(first?.operations[0]).toEqual({ op: 'replace', path: '/status', value: 'Active' });
    expect(second?.operations).toEqual([
      { op: 'add', path: '/team/-', value: { firstName: 'Ana', email: 'ana@fabrikam.example' } },
    ]);
    expect(second?.ifMatch).not.toBe(first?.ifMatch);
    expect(peer.referrals.get('rfi-sequence')!.team).toHaveLength(2);
  });

  it('after a 412, fetches the referral, shows its change in the desk, and sends the decision again', async () => {
    const id = await taken('rfi-412');
    peer.change('rfi-412', (r) => {
      r.name = 'Renamed in Partner Center';
    });
    // A decline carries no notes, so it is sent under the eTag last seen, without a read first.
    await h.service.apply(id, { type: 'decline', input: { reason: 'not-a-customer' } }, dana);
    expect(await h.pc.drainOutbox(START)).toMatchObject({ sent: 1 });
    const [stale, fresh] = patchesOf('rfi-412');
    expect(fresh?.ifMatch).not.toBe(stale?.ifMatch);
    expect(fresh?.operations).toEqual(stale?.operations);
    expect(peer.referrals.get('rfi-412')).toMatchObject({ status: 'Closed', substatus: 'Declined' });
    expect(await h.service.load(id)).toMatchObject({ name: 'Renamed in Partner Center', status: 'Closed' });
  });

  it('sends nothing when Partner Center already shows the acceptance (read before writing the notes)', async () => {
    const id = await taken('rfi-already');
    peer.change('rfi-already', (r) => {
      r.status = 'Active';
      r.substatus = 'Accepted';
    });
    await h.service.apply(id, accept, dana);
    await h.pc.drainOutbox(START);
    expect(patchesOf('rfi-already')).toHaveLength(0);
    expect(await h.pc.syncStateOf(id)).toBeUndefined();
  });

  it('retries after a 5xx with backoff, showing "failed" meanwhile, and then sends it', async () => {
    const id = await taken('rfi-5xx');
    await h.service.apply(id, accept, dana);
    peer.failNext('PATCH', 503);
    expect(await h.pc.drainOutbox(START)).toMatchObject({ retrying: 1 });
    expect(await h.pc.syncStateOf(id)).toBe('failed');
    await h.pc.drainOutbox(seconds(10));
    expect(peer.referrals.get('rfi-5xx')).toMatchObject({ status: 'New' });
    expect(await h.pc.drainOutbox(seconds(31))).toMatchObject({ sent: 1 });
    expect(peer.referrals.get('rfi-5xx')).toMatchObject({ status: 'Active' });
    expect(await h.pc.syncStateOf(id)).toBeUndefined();
  });

  it('waits as long as a 429 asks, without calling it a failure', async () => {
    const id = await taken('rfi-429');
    await h.service.apply(id, accept, dana);
    peer.failNext('PATCH', 429, { 'retry-after': '120' });
    await h.pc.drainOutbox(START);
    expect(await h.pc.syncStateOf(id)).toBe('pending');
    await h.pc.drainOutbox(seconds(60));
    expect(patchesOf('rfi-429')).toHaveLength(0);
    await h.pc.drainOutbox(seconds(121));
    expect(peer.referrals.get('rfi-429')).toMatchObject({ status: 'Active' });
  });

  it('stops retrying once someone gives up, and says so', async () => {
    const id = await taken('rfi-give-up');
    await h.service.apply(id, accept, dana);
    peer.failNext('PATCH', 500);
    await h.pc.drainOutbox(START);
    expect(await h.pc.giveUp(id, dana)).toBe(1);
    expect(await h.pc.syncStateOf(id)).toBe('given-up');
    await h.pc.drainOutbox(seconds(3600));
    expect(peer.referrals.get('rfi-give-up')).toMatchObject({ status: 'New' });
  });

  it('sends a decision whose effects never ran (a crash between the event and the outbox)', async () => {
    const id = await taken('rfi-crash');
    // An instance that died right after appending: its effects never got as far as the outbox.
    const dying = testReferralService(h.db, {
      clock: () => h.clock.now,
      effects: [{ name: 'crash', run: async () => Promise.reject(new Error('process died')) }],
    });
    await dying.service.apply(id, accept, dana);
    await dying.effects.idle();
    expect(await h.pc.drainOutbox(START)).toMatchObject({ sent: 0 });
    // The next start finds the change's mark and carries out its effects, the write-back among them.
    expect(await h.effects.recover({ all: true })).toBe(1);
    expect(await h.pc.drainOutbox(START)).toMatchObject({ sent: 1 });
    expect(peer.referrals.get('rfi-crash')).toMatchObject({ status: 'Active' });
  });

  it('lets only one of several drainers send a decision', async () => {
    const id = await taken('rfi-race');
    await h.service.apply(id, accept, dana);
    const others = await Promise.all([1, 2].map(() => startHarness(store.uri, peer, database)));
    try {
      await Promise.all([h, ...others].map((x) => x.pc.drainOutbox(START)));
      expect(patchesOf('rfi-race')).toHaveLength(1);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('never sends back what came from Partner Center', async () => {
    const id = await taken('rfi-echo');
    peer.change('rfi-echo', (r) => {
      r.name = 'Changed there';
    });
    await h.postEvent(peer.signedEvent('referral-updated', 'rfi-echo'));
    await h.pc.drainOutbox(START);
    expect(patchesOf('rfi-echo')).toEqual([]);
    expect(await h.pc.syncStateOf(id)).toBeUndefined();
  });
});
