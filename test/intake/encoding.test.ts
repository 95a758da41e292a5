import { signBody } from '../../intake/signature';
import type { RunningService } from '../../app/start-service';
import { startTestService, TEST_INTAKE_SECRET } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';

describe('POST /api/referrals with bodies that are not UTF-8', () => {
  let store: TestStore;
  let service: RunningService;

  beforeAll(async () => {
    store = await startTestStore();
    service = await startTestService(store.uri);
  });
  afterAll(async () => {
    await service?.stop();
    await store?.stop();
  });

  /** A signed body whose `id` holds raw bytes: `{"id":"ext-<bytes>","customerProfile":{"name":"Contoso"}}`. */
  const bodyWithId = (bytes: number[]) =>
    Buffer.concat([
      Buffer.from('{"id":"ext-'),
      Buffer.from(bytes),
      Buffer.from('","customerProfile":{"name":"Contoso"}}'),
    ]);
  const post = (body: Buffer) =>
    fetch(`${service.url}/api/referrals`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-referral-signature': signBody(TEST_INTAKE_SECRET, body),
      },
      body,
    });

  it('refuses invalid UTF-8 with 400 and a reason, so two different ids cannot decode to the same one', async () => {
    for (const bytes of [
      [0xff, 0xfe],
      [0xc0, 0xaf],
    ]) {
      const reply = await post(bodyWithId(bytes));
      expect(reply.status).toBe(400);
      expect(await reply.json()).toEqual({
        error: { code: 'invalid-encoding', message: expect.stringContaining('UTF-8') },
      });
    }
    expect(await service.store.db.collection('referral_events').countDocuments()).toBe(0);
  });

  it('takes valid UTF-8 beyond ASCII: a Korean id and customer name come through unchanged', async () => {
    const body = Buffer.from(JSON.stringify({ id: 'ext-리퍼럴', customerProfile: { name: '콘토소' } }));
    const reply = await post(body);
    expect(reply.status).toBe(201);
    const { id } = (await reply.json()) as { id: string };
    expect(await service.referrals.load(id)).toMatchObject({
      externalId: 'ext-리퍼럴',
      customer: { name: '콘토소' },
    });
  });
});
