import { ingestReferral } from '../../partner-center/ingest';
import { partnerCenterLinks } from '../../storage/partner-center-links';
import { Writable } from 'node:stream';
import { createLogger } from '../../platform/logger';
import { startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { START, pendingReferral, startHarness, type Harness } from './harness';

describe('the Partner Center poller', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let h: Harness;

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
  });
  // Each spec polls a Partner Center with no referrals yet, into a database of its own.
  beforeEach(async () => {
    peer.referrals.clear();
    h = await startHarness(store.uri, peer, freshDatabase('pc-poller'));
  });
  afterEach(async () => {
    await h?.close();
  });
  afterAll(async () => {
    await peer?.close();
    await store?.stop();
  });

  it('picks up every pending referral whose webhook never came, across pages', async () => {
    for (const n of [1, 2, 3, 4, 5]) peer.put(pendingReferral(`rfi-poll-${n}`));
    peer.put(pendingReferral('rfi-outgoing', { direction: 'Outgoing' }));
    peer.put(pendingReferral('rfi-answered', { status: 'Active', substatus: 'Accepted' }));
    const pages = peer.requests.length;
    expect(await h.pc.pollOnce(START)).toMatchObject({ created: 5, invalid: 0 });
    expect(peer.requests.length - pages).toBe(3);
    for (const n of [1, 2, 3, 4, 5])
      expect(await h.service.load(h.idOf(`rfi-poll-${n}`))).toMatchObject({ status: 'New' });
    expect(await h.service.load(h.idOf('rfi-outgoing'))).toBeUndefined();
    expect(await h.service.load(h.idOf('rfi-answered'))).toBeUndefined();
  });

  it('takes in nothing twice: a second poll finds them all unchanged', async () => {
    for (const n of [1, 2, 3, 4, 5]) peer.put(pendingReferral(`rfi-poll-${n}`));
    expect(await h.pc.pollOnce(START)).toMatchObject({ created: 5 });
    expect(await h.pc.pollOnce(START)).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await h.eventCount('rfi-poll-1')).toBe(1);
  });

  it('adds nothing for a referral its webhook already brought in', async () => {
    peer.put(pendingReferral('rfi-webhook-first'));
    await h.postEvent(peer.signedEvent('referral-created', 'rfi-webhook-first'));
    await h.pc.pollOnce(START);
    expect(await h.eventCount('rfi-webhook-first')).toBe(1);
  });

  it('skips a referral with invalid fields and takes in the rest', async () => {
    peer.put(pendingReferral('rfi-broken', { customerProfile: { name: '' } }));
    peer.put(pendingReferral('rfi-fine'));
    expect(await h.pc.pollOnce(START)).toMatchObject({ created: 1, invalid: 1 });
    expect(await h.service.load(h.idOf('rfi-fine'))).toBeDefined();
  });
});

describe('taking in a referral updated twice, delivered out of order', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let h: Harness;

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
    h = await startHarness(store.uri, peer, 'pc-order');
  });
  afterAll(async () => {
    await h?.close();
    await peer?.close();
    await store?.stop();
  });

  const log = createLogger('fatal', new Writable({ write: (_c, _e, done) => done() }));
  const ingest = (json: unknown) =>
    ingestReferral({ service: h.service, links: partnerCenterLinks(h.db), clock: () => START, log }, json);

  it('keeps the later state whichever arrives last', async () => {
    const created = peer.put(pendingReferral('rfi-order'));
    const earlier = peer.change('rfi-order', (r) => {
      r.name = 'First rename';
    });
    const later = peer.change('rfi-order', (r) => {
      r.name = 'Second rename';
      (r.details as Record<string, unknown>).customerRequestedContact = false;
    });
    expect(await ingest(created)).toBe('created');
    expect(await ingest(later)).toBe('updated');
    expect(await ingest(earlier)).toBe('unchanged');
    expect(await ingest(created)).toBe('unchanged');
    expect(await h.service.load(h.idOf('rfi-order'))).toMatchObject({ name: 'Second rename', version: 2 });
  });

  it('keeps it even when the older delivery gets past the link (two instances racing)', async () => {
    const created = peer.put(pendingReferral('rfi-race-order'));
    const earlier = peer.change('rfi-race-order', (r) => {
      r.name = 'Older';
    });
    const later = peer.change('rfi-race-order', (r) => {
      r.name = 'Newer';
    });
    await ingest(created);
    await ingest(later);
    await h.db.collection('partner_center_links').deleteOne({ _id: h.idOf('rfi-race-order') } as never);
    expect(await ingest(earlier)).toBe('unchanged');
    expect(await h.service.load(h.idOf('rfi-race-order'))).toMatchObject({ name: 'Newer' });
  });
});
