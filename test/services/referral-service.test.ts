import { parseIncomingReferral } from '../../core/intake';
import type { Actor } from '../../core/referral';
import type { ReferralService } from '../../services/referral-service';
import { testReferralService } from '../support/referral-service';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { ensureIndexes } from '../../storage/indexes';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';

const SOURCE: Actor = { kind: 'source', id: 'webhook', name: 'Signed webhook' };
const person = (n: number): Actor => ({ kind: 'user', id: `user-${n}`, name: `Seller ${n}` });
const clock = () => new Date('2026-11-20T10:00:00Z');

function incoming(externalId: string) {
  const parsed = parseIncomingReferral(sampleReferralJson(externalId), 'webhook', clock());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const acceptInput = (n: number) => ({
  engagementName: `Engagement by seller ${n}`,
  value: '50000',
  currency: 'USD',
  purchaseTimeframe: '3-6-months',
  notes: 'Call booked',
});

/** One "instance" of the service: its own MongoClient, as a second process would have. */
async function instance(uri: string): Promise<{ connection: StoreConnection; service: ReferralService }> {
  const connection = await connectStore(uri, 'referral-desk-test', 5000);
  await ensureIndexes(connection.db);
  const { service } = testReferralService(connection.db, { clock });
  return { connection, service };
}

describe('referral service on the real store', () => {
  let store: TestStore;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  beforeAll(async () => {
    store = await startTestStore();
    [a, b] = await Promise.all([instance(store.uri), instance(store.uri)]);
  });
  afterAll(async () => {
    await a?.connection.close();
    await b?.connection.close();
    await store?.stop();
  });

  const seqs = async (id: string) =>
    (
      await a.connection.db.collection('referral_events').find({ referralId: id }).sort({ seq: 1 }).toArray()
    ).map((e) => e['seq']);

  it('lets exactly one of 50 concurrent accept/decline clicks from two instances win; the rest are told who did', async () => {
    const { referral } = await a.service.receive(incoming('race-1'), SOURCE);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, n) => {
        const service = n % 2 === 0 ? a.service : b.service;
        const command =
          n % 4 < 2
            ? ({ type: 'accept', input: acceptInput(n) } as const)
            : ({ type: 'decline', input: { reason: 'not-a-customer', notes: 'Spam' } } as const);
        return service.apply(referral.id, command, person(n));
      }),
    );
    const applied = outcomes.filter((o) => o.status === 'applied');
    expect(applied).toHaveLength(1);
    const winner = applied[0]!.status === 'applied' ? applied[0]!.event.actor.name : '';
    const conflicts = outcomes.filter((o) => o.status === 'conflict');
    expect(conflicts).toHaveLength(49);
    for (const c of conflicts) {
      if (c.status === 'conflict')
        expect(c.conflict.message).toMatch(new RegExp(`^Already (accepted|declined) by ${winner}`));
    }
    expect(await seqs(referral.id)).toEqual([1, 2]);
    const final = await b.service.load(referral.id);
    expect(final?.version).toBe(2);
    expect(['Active', 'Closed']).toContain(final?.status);
  });

  it('applies 20 concurrent non-conflicting changes from two instances with no gap and no duplicate in the log', async () => {
    const { referral } = await a.service.receive(incoming('race-2'), SOURCE);
    await a.service.apply(referral.id, { type: 'accept', input: acceptInput(0) }, person(0));
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        (n % 2 ? a : b).service.apply(
          referral.id,
          { type: 'add-contact', input: { firstName: `Contact${n}`, email: `c${n}@partner.example` } },
          person(n),
        ),
      ),
    );
    expect(outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect(await seqs(referral.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const final = await a.service.load(referral.id);
    expect(final?.team.map((c) => c.firstName).sort()).toEqual(
      Array.from({ length: 20 }, (_, n) => `Contact${n}`).sort(),
    );
  });

  it('brings a stale projection up to date from the log (a writer died before saving it)', async () => {
    const { referral } = await a.service.receive(incoming('stale-1'), SOURCE);
    await a.service.apply(referral.id, { type: 'accept', input: acceptInput(1) }, person(1));
    // Put the projection back to its first version, as if the writer had crashed after appending the event.
    await a.connection.db
      .collection('referrals')
      .updateOne(
        { _id: referral.id as never },
        { $set: { status: 'New', substatus: 'Pending', version: 1 } },
      );
    const loaded = await b.service.load(referral.id);
    expect(loaded).toMatchObject({ status: 'Active', version: 2 });
    expect(
      await a.connection.db.collection('referrals').findOne({ _id: referral.id as never }),
    ).toMatchObject({ status: 'Active', version: 2 });
  });

  it('decides on the log when its own copy is stale: another instance changed the referral since', async () => {
    // Instance a made the referral, so it holds it as New; b accepts it; then a is asked to decline it.
    const { referral } = await a.service.receive(incoming('copy-1'), SOURCE);
    const accepted = await b.service.apply(referral.id, { type: 'accept', input: acceptInput(1) }, person(1));
    expect(accepted.status).toBe('applied');
    const declined = await a.service.apply(
      referral.id,
      { type: 'decline', input: { reason: 'not-a-customer', notes: 'Spam' } },
      person(2),
    );
    expect(declined).toMatchObject({ status: 'conflict', referral: { status: 'Active', version: 2 } });
    // And a's next change builds on b's: an edit of the Active referral lands as the third event.
    const edited = await a.service.apply(
      referral.id,
      { type: 'edit', input: { crmId: 'OPP-3000' } },
      person(3),
    );
    expect(edited).toMatchObject({ status: 'applied', referral: { version: 3 } });
    expect(await seqs(referral.id)).toEqual([1, 2, 3]);
  });

  it('hands whileSaving the change before it is stored, and returns what it made once that change landed', async () => {
    const { referral } = await a.service.receive(incoming('saving-1'), SOURCE);
    const events = a.connection.db.collection('referral_events');
    let storedWhileSaving: unknown = 'not called';
    const outcome = await a.service.apply(
      referral.id,
      { type: 'accept', input: acceptInput(4) },
      person(4),
      async (change) => {
        storedWhileSaving = await events.findOne({ referralId: referral.id, seq: change.event.seq });
        return `${change.referral.status} v${change.referral.version} by ${change.event.actor.name}`;
      },
    );
    expect(storedWhileSaving).toBeNull();
    expect(outcome).toMatchObject({ status: 'applied', prepared: 'Active v2 by Seller 4' });
    expect(await seqs(referral.id)).toEqual([1, 2]);
  });

  it('drops what whileSaving made for a change that lost its seq to another writer', async () => {
    // a holds the referral as New; b accepts it; a's decline is decided on New, loses seq 2, and is refused.
    const { referral } = await a.service.receive(incoming('saving-2'), SOURCE);
    await b.service.apply(referral.id, { type: 'accept', input: acceptInput(5) }, person(5));
    const prepared: string[] = [];
    const declined = await a.service.apply(
      referral.id,
      { type: 'decline', input: { reason: 'not-a-customer', notes: 'Spam' } },
      person(6),
      async (change) => {
        prepared.push(`${change.referral.status} v${change.event.seq}`);
        return 'declined card';
      },
    );
    expect(prepared).toEqual(['Closed v2']);
    expect(declined).toMatchObject({ status: 'conflict', referral: { status: 'Active', version: 2 } });
    expect(declined).not.toHaveProperty('prepared');
  });

  it('keeps what was written across a restart of the store', async () => {
    const { referral } = await a.service.receive(incoming('restart-1'), SOURCE);
    await a.connection.close();
    await b.connection.close();
    await store.restart();
    [a, b] = await Promise.all([instance(store.uri), instance(store.uri)]);
    const applied = await a.service.apply(referral.id, { type: 'accept', input: acceptInput(2) }, person(2));
    expect(applied.status).toBe('applied');
    expect(await b.service.load(referral.id)).toMatchObject({
      status: 'Active',
      externalId: 'restart-1',
      version: 2,
    });
  });

  it('reports not-found for an unknown id', async () => {
    expect(await a.service.apply('nosuchid0000', { type: 'expire' }, SOURCE)).toEqual({
      status: 'not-found',
    });
  });
});
