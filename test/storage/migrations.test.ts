import { connectStore, type StoreConnection } from '../../storage/mongo';
import { migrate, MIGRATIONS, MIGRATIONS_COLLECTION } from '../../storage/migrations';
import { startTestStore, type TestStore } from '../support/store';

const NOW = new Date('2026-12-01T09:00:00Z');

describe('migrations of stored data', () => {
  let store: TestStore;
  let connection: StoreConnection;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });
  beforeEach(async () => {
    await connection?.close();
    connection = await connectStore(
      store.uri,
      `migrations-${expect.getState().currentTestName?.length}`,
      5000,
    );
    await connection.db.dropDatabase();
  });

  /** What a store written before the one-word renames held: a nudge, card posts, flameUntil and closedOn. */
  async function seedOldShapes() {
    const { db } = connection;
    const leaseUntil = new Date('2026-11-30T10:05:00Z');
    await db.collection('card_posts').insertMany([
      {
        _id: 'referral-card:r1',
        state: 'sent',
        attempt: 1,
        leaseUntil,
        conversationId: 'c',
        activityId: 'a',
      },
      { _id: 'notice:nudge:r1', state: 'sending', attempt: 1, leaseUntil },
    ] as never[]);
    await db.collection('card_post_attempts').insertOne({
      _id: 'notice:nudge:r1#1',
      key: 'notice:nudge:r1',
      attempt: 1,
      leaseUntil,
    } as never);
    await db
      .collection('scheduled_notices')
      .insertOne({ _id: 'notice:nudge:r1', referralId: 'r1', kind: 'nudge' } as never);
    await db
      .collection('notice_queue')
      .insertOne({ _id: 'notice:nudge:r1', referralId: 'r1', kind: 'nudge' } as never);
    await db.collection('referrals').insertOne({
      _id: 'r1',
      flameUntil: leaseUntil,
      closure: { substatus: 'Won', dealRegistration: { closedOn: NOW, notes: 'n' } },
    } as never);
    await db.collection('referral_events').insertOne({
      _id: 'r1:3',
      type: 'won',
      dealRegistration: { closedOn: NOW, notes: 'n' },
    } as never);
  }

  it('renames nudges to reminders, card posts to posted messages and …Until/…On to …At, keeping the values', async () => {
    await seedOldShapes();
    const { db } = connection;
    expect(await migrate(db, NOW)).toEqual(MIGRATIONS.map((m) => m.id));

    const posted = await db.collection('posted_messages').find({}).sort({ _id: 1 }).toArray();
    expect(posted.map((d) => d._id)).toEqual(['notice:reminder:r1', 'referral-card:r1']);
    expect(posted[1]).toMatchObject({
      state: 'sent',
      activityId: 'a',
      leaseEndsAt: new Date('2026-11-30T10:05:00Z'),
    });
    expect(posted[0]).not.toHaveProperty('leaseUntil');
    expect(await db.collection('post_attempts').findOne({})).toMatchObject({
      _id: 'notice:reminder:r1#1',
      key: 'notice:reminder:r1',
      leaseEndsAt: new Date('2026-11-30T10:05:00Z'),
    });
    expect(await db.listCollections({ name: 'card_posts' }).toArray()).toEqual([]);
    for (const name of ['scheduled_notices', 'notice_queue'])
      expect(await db.collection(name).find({}).toArray()).toEqual([
        { _id: 'notice:reminder:r1', referralId: 'r1', kind: 'reminder' },
      ]);
    const referral = await db.collection('referrals').findOne({ _id: 'r1' as never });
    expect(referral).toMatchObject({
      flameEndsAt: new Date('2026-11-30T10:05:00Z'),
      closure: { dealRegistration: { closedAt: NOW, notes: 'n' } },
    });
    expect(referral).not.toHaveProperty('flameUntil');
    expect(await db.collection('referral_events').findOne({ _id: 'r1:3' as never })).toMatchObject({
      dealRegistration: { closedAt: NOW, notes: 'n' },
    });
  });

  it('runs each migration once: a second start finds it recorded and changes nothing', async () => {
    await seedOldShapes();
    const { db } = connection;
    await migrate(db, NOW);
    await db
      .collection('scheduled_notices')
      .insertOne({ _id: 'notice:nudge:r2', referralId: 'r2', kind: 'nudge' } as never);
    expect(await migrate(db, NOW)).toEqual([]);
    expect(
      await db.collection('scheduled_notices').findOne({ _id: 'notice:nudge:r2' as never }),
    ).not.toBeNull();
    expect(await db.collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(MIGRATIONS.length);
  });
});
