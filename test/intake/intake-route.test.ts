import { request } from 'node:http';
import { signBody } from '../../intake/signature';
import { sampleReferralJson } from '../support/sample-referral';
import { postReferral, type IntakeReply } from '../support/intake';
import { startTestService, TEST_INTAKE_SECRET } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import type { RunningService } from '../../app/start-service';

/** A request with exactly these headers and bytes, for what `postReferral` would never send. */
function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<Pick<IntakeReply, 'status' | 'body'>> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/referrals`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /api/referrals', () => {
  let store: TestStore;
  let service: RunningService;
  const countReferrals = () => service.store.db.collection('referrals').countDocuments();
  const countEvents = () => service.store.db.collection('referral_events').countDocuments();

  beforeAll(async () => {
    store = await startTestStore();
    service = await startTestService(store.uri);
  });
  afterAll(async () => {
    await service?.stop();
    await store?.stop();
  });

  it('creates a referral from a signed Partner-Center-shaped body: 201 with its id', async () => {
    const reply = await postReferral(service, sampleReferralJson('pc-create-1'));
    expect(reply.status).toBe(201);
    expect(reply.body.created).toBe(true);
    const referral = await service.referrals.load(reply.id);
    expect(referral).toMatchObject({
      status: 'New',
      substatus: 'Pending',
      externalId: 'pc-create-1',
      source: 'webhook',
    });
    expect(referral?.customer.name).toBe('Contoso Pharma Korea');
  });

  it('answers a repeat delivery with 200 and the same id, writing nothing new', async () => {
    const first = await postReferral(service, sampleReferralJson('pc-repeat-1'));
    await service.idle();
    const [referrals, events] = [await countReferrals(), await countEvents()];
    const again = await postReferral(service, sampleReferralJson('pc-repeat-1'));
    expect(again).toEqual({ status: 200, id: first.id, body: { id: first.id, created: false } });
    await service.idle();
    expect([await countReferrals(), await countEvents()]).toEqual([referrals, events]);
  });

  it('turns 100 concurrent deliveries of the same referral into exactly one referral', async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, () => postReferral(service, sampleReferralJson('pc-burst-1'))),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const id = replies[0]!.body.id;
    expect(await service.store.db.collection('referrals').countDocuments({ externalId: 'pc-burst-1' })).toBe(
      1,
    );
    expect(await service.store.db.collection('referral_events').countDocuments({ referralId: id })).toBe(1);
  });

  describe('refuses bad requests with the documented 4xx and writes nothing', () => {
    let before: [number, number];
    beforeEach(async () => {
      before = [await countReferrals(), await countEvents()];
    });
    afterEach(async () => {
      expect([await countReferrals(), await countEvents()]).toEqual(before);
    });

    it('401 when the signature is missing', async () => {
      const reply = await post(service.url, JSON.stringify(sampleReferralJson('pc-unsigned')), {
        'content-type': 'application/json',
      });
      expect(reply.status).toBe(401);
      expect(reply.body.error?.message).toMatch(/X-Referral-Signature header is missing/);
    });

    it('401 when the signature was made with another secret', async () => {
      const reply = await postReferral(service, sampleReferralJson('pc-forged'), {
        secret: 'some-other-secret-of-sufficient-length-xx',
      });
      expect(reply.status).toBe(401);
      expect(reply.body.error?.code).toBe('bad-signature');
    });

    it('401 when the body was changed after signing', async () => {
      const body = JSON.stringify(sampleReferralJson('pc-tampered'));
      const reply = await post(service.url, body.replace('Contoso', 'Fabrikam'), {
        'content-type': 'application/json',
        'x-referral-signature': signBody(TEST_INTAKE_SECRET, body),
      });
      expect(reply.status).toBe(401);
    });

    it('415 when the body is not declared as JSON', async () => {
      const body = JSON.stringify(sampleReferralJson('pc-text'));
      const reply = await post(service.url, body, {
        'content-type': 'text/plain',
        'x-referral-signature': signBody(TEST_INTAKE_SECRET, body),
      });
      expect(reply.status).toBe(415);
      expect(reply.body.error?.code).toBe('unsupported-media-type');
    });

    it('413 when the body is over 256 KB', async () => {
      const json = sampleReferralJson('pc-huge', { padding: 'x'.repeat(300 * 1024) });
      const reply = await postReferral(service, json);
      expect(reply.status).toBe(413);
      expect(reply.body.error?.code).toBe('payload-too-large');
    });

    it('400 when the body is not valid JSON', async () => {
      const body = '{"id": "pc-broken",';
      const reply = await post(service.url, body, {
        'content-type': 'application/json',
        'x-referral-signature': signBody(TEST_INTAKE_SECRET, body),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error?.code).toBe('malformed-json');
    });

    it('400 with field-level errors for invalid fields', async () => {
      const json = sampleReferralJson('pc-invalid');
      (json.customerProfile as { address: { country: string } }).address.country = 'Korea';
      (json.details as { dealValue: number }).dealValue = -5;
      const reply = await postReferral(service, json);
      expect(reply.status).toBe(400);
      const fields = reply.body.error?.fields?.map((f) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining(['customerProfile.address.country', 'details.dealValue']),
      );
    });
  });
});

describe('POST /api/referrals in local mode', () => {
  let store: TestStore;
  let service: RunningService;
  beforeAll(async () => {
    store = await startTestStore();
    service = await startTestService(store.uri, { local: true });
  });
  afterAll(async () => {
    await service?.stop();
    await store?.stop();
  });

  it('accepts an unsigned request from loopback', async () => {
    const reply = await post(service.url, JSON.stringify(sampleReferralJson('local-1')), {
      'content-type': 'application/json',
    });
    expect(reply.status).toBe(201);
  });

  it('still checks a signature when one is sent, against the generated dev secret', async () => {
    const bad = await postReferral(service, sampleReferralJson('local-2'), {
      secret: 'not-the-dev-secret-but-long-enough-000000',
    });
    expect(bad.status).toBe(401);
    const good = await postReferral(service, sampleReferralJson('local-2'));
    expect(good.status).toBe(201);
  });
});

describe('when the store is unreachable', () => {
  it('answers 503 (never a 2xx) and readiness fails, while liveness still answers', async () => {
    const store = await startTestStore();
    const service = await startTestService(store.uri);
    try {
      await store.stop();
      const reply = await postReferral(service, sampleReferralJson('pc-outage'));
      expect(reply.status).toBe(503);
      expect(reply.body.error?.code).toBe('store-unavailable');
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});
