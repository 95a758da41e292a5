import { startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { pendingReferral, startHarness, type Harness } from './harness';

describe('POST /api/partner-center/events', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let h: Harness;

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
  });
  // Each spec's desk has a database of its own (and so nothing cached); Partner Center is shared, ids are not.
  beforeEach(async () => {
    h = await startHarness(store.uri, peer, freshDatabase('pc-events'));
  });
  afterEach(async () => {
    await h?.close();
  });
  afterAll(async () => {
    await peer?.close();
    await store?.stop();
  });

  it('takes in a created referral as one New referral with everything Partner Center shows', async () => {
    peer.put(pendingReferral('rfi-created'));
    const response = await h.postEvent(peer.signedEvent('referral-created', 'rfi-created'));
    expect(response).toEqual({ status: 200, body: { outcome: 'created' } });
    const referral = await h.service.load(h.idOf('rfi-created'));
    expect(referral).toMatchObject({
      source: 'partner-center',
      externalId: 'rfi-created',
      name: 'Contoso rfi-created',
      status: 'New',
      customer: { name: 'Contoso Customer Inc', contacts: [{ firstName: 'Sue', phoneNumber: '1234567890' }] },
      details: { dealValue: { amount: 50000, currency: 'USD' } },
      customerRequestedContact: true,
      sourceExpiresAt: new Date('2026-12-04T08:55:00Z'),
    });
    expect(await h.eventCount('rfi-created')).toBe(1);
  });

  it('adds nothing when the same event is delivered again', async () => {
    peer.put(pendingReferral('rfi-repeated'));
    const event = peer.signedEvent('referral-created', 'rfi-repeated');
    expect((await h.postEvent(event)).body).toEqual({ outcome: 'created' });
    expect((await h.postEvent(event)).body).toEqual({ outcome: 'unchanged' });
    expect((await h.postEvent(event)).body).toEqual({ outcome: 'unchanged' });
    expect(await h.eventCount('rfi-repeated')).toBe(1);
  });

  it('applies an update: the customer asked for a call and the expiry moved', async () => {
    peer.put(pendingReferral('rfi-updated'));
    await h.postEvent(peer.signedEvent('referral-created', 'rfi-updated'));
    peer.change('rfi-updated', (r) => {
      r.name = 'Contoso supply chain (phase 2)';
      r.expirationDateTime = '2026-12-10T00:00:00Z';
    });
    expect((await h.postEvent(peer.signedEvent('referral-updated', 'rfi-updated'))).body).toEqual({
      outcome: 'updated',
    });
    const referral = await h.service.load(h.idOf('rfi-updated'));
    expect(referral).toMatchObject({
      name: 'Contoso supply chain (phase 2)',
      expiresAt: new Date('2026-12-10T00:00:00Z'),
    });
  });

  it('follows a referral declined in Partner Center itself, so nobody answers a dead one', async () => {
    peer.put(pendingReferral('rfi-declined-there'));
    await h.postEvent(peer.signedEvent('referral-created', 'rfi-declined-there'));
    peer.change('rfi-declined-there', (r) => {
      r.status = 'Closed';
      r.substatus = 'Declined';
      r.statusReason = 'Not a customer';
    });
    await h.postEvent(peer.signedEvent('referral-updated', 'rfi-declined-there'));
    expect(await h.service.load(h.idOf('rfi-declined-there'))).toMatchObject({
      status: 'Closed',
      substatus: 'Declined',
      closure: { reason: 'not-a-customer', by: { kind: 'source', name: 'Partner Center' } },
    });
  });

  it('takes in related referrals the same way', async () => {
    peer.put(pendingReferral('rfi-related'));
    const response = await h.postEvent(peer.signedEvent('related-referral-created', 'rfi-related'));
    expect(response.body).toEqual({ outcome: 'created' });
  });

  it('answers other Partner Center events without acting on them', async () => {
    const response = await h.postEvent(peer.signedEvent('test-created', 'anything'));
    expect(response).toEqual({ status: 200, body: { ignored: true } });
  });

  describe('refuses with 401 and writes nothing', () => {
    const refused = async (event: { body: string; headers: Record<string, string> }, reason: RegExp) => {
      const id = 'rfi-forged';
      peer.put(pendingReferral(id));
      const before = peer.requests.length;
      const response = await h.postEvent(event);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        error: { code: 'bad-signature', message: expect.stringMatching(reason) },
      });
      expect(await h.eventCount(id)).toBe(0);
      expect(peer.requests.slice(before).filter((r) => r.path.includes(id))).toEqual([]);
    };
    const signed = (signer?: Parameters<PartnerCenterPeer['signedEvent']>[2]) =>
      peer.signedEvent('referral-created', 'rfi-forged', signer);

    it('an unsigned event', async () => {
      const { body, headers } = signed();
      const { authorization: _dropped, ...unsigned } = headers;
      await refused({ body, headers: unsigned }, /signature is missing/);
    });

    it('a body changed after signing', async () => {
      const { body, headers } = signed();
      await refused(
        { body: body.replace('referral-created', 'referral-updated'), headers },
        /does not match/,
      );
    });

    it('a certificate from a host that is not allowed', async () => {
      const event = signed();
      const url = event.headers['x-ms-certificate-url']!.replace('127.0.0.1', 'localhost');
      await refused(
        { ...event, headers: { ...event.headers, 'x-ms-certificate-url': url } },
        /allowed Microsoft host/,
      );
    });

    it('a certificate over plain http', async () => {
      const event = signed();
      const url = event.headers['x-ms-certificate-url']!.replace('https:', 'http:');
      await refused({ ...event, headers: { ...event.headers, 'x-ms-certificate-url': url } }, /https URL/);
    });

    it('a certificate that does not chain to a trusted root', async () => {
      await refused(signed('untrusted-root'), /does not chain/);
    });

    it('an expired certificate', async () => {
      await refused(signed('expired'), /not valid now/);
    });

    it('a certificate that is not Microsoft’s', async () => {
      await refused(signed('not-microsoft'), /does not belong to Microsoft Corporation/);
    });

    it('another signature algorithm', async () => {
      const event = signed();
      await refused(
        { ...event, headers: { ...event.headers, 'x-ms-signature-algorithm': 'hmac-sha256' } },
        /rsa-sha256/,
      );
    });
  });

  it('downloads the signing certificate once for many events', async () => {
    peer.put(pendingReferral('rfi-many-events'));
    const before = peer.certificateDownloads;
    for (let n = 0; n < 6; n++)
      expect((await h.postEvent(peer.signedEvent('referral-updated', 'rfi-many-events'))).status).toBe(200);
    expect(peer.certificateDownloads - before).toBe(1);
  });

  it('asks Partner Center to deliver again (503) when the referral cannot be fetched', async () => {
    peer.put(pendingReferral('rfi-unreachable'));
    peer.failNext('GET', 500);
    const response = await h.postEvent(peer.signedEvent('referral-created', 'rfi-unreachable'));
    expect(response.status).toBe(503);
    expect(await h.eventCount('rfi-unreachable')).toBe(0);
    expect((await h.postEvent(peer.signedEvent('referral-created', 'rfi-unreachable'))).body).toEqual({
      outcome: 'created',
    });
  });
});
