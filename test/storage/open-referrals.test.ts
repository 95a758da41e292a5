import type { Referral } from '../../core/referral';
import { ensureIndexes } from '../../storage/indexes';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { OPEN_REFERRALS, openReferrals } from '../../storage/open-referrals';
import { referralProjections } from '../../storage/referrals';
import { activeReferral, daysAfter, newReferral, RECEIVED_AT } from '../core/fixtures';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';

describe('open referrals, rebuilt at start-up from the referrals start-up read', () => {
  let store: TestStore;
  let connection: StoreConnection;
  const stored = async (id: string, referral: Referral) => {
    const saved = { ...referral, id };
    await referralProjections(connection.db).save(saved, saved.receivedAt);
    return saved;
  };
  const openIds = async () =>
    (await connection.db.collection(OPEN_REFERRALS).find({}).toArray()).map((doc) => doc._id).sort();

  beforeAll(async () => {
    store = await startTestStore();
  });
  beforeEach(async () => {
    connection = await connectStore(store.uri, freshDatabase('open'), 5000);
    await ensureIndexes(connection.db);
  });
  afterEach(async () => {
    await connection?.close();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('adds the New ones a crash left out, drops those answered since, and keeps one made after the read', async () => {
    const open = openReferrals(connection.db);
    const missing = await stored('missing', newReferral({ externalId: 'missing' }));
    const tracked = await stored(
      'tracked',
      newReferral({ externalId: 'tracked' }, daysAfter(RECEIVED_AT, 1)),
    );
    await open.track(tracked);
    // Accepted, but the process died before its entry was dropped.
    const answered = await stored('answered', activeReferral({ externalId: 'answered' }));
    await open.track({ ...answered, status: 'New' });
    // Made by another instance after start-up read the referrals: not in what rebuild is given.
    const later = await stored('later', newReferral({ externalId: 'later' }, daysAfter(RECEIVED_AT, 2)));
    await open.track(later);

    expect(await open.rebuild([missing, tracked, answered])).toBe(2);
    expect(await openIds()).toEqual(['later', 'missing', 'tracked']);
    const due = await open.dueBy(daysAfter(RECEIVED_AT, 30), 10);
    expect(due).toEqual(['missing', 'tracked', 'later']);
  });

  it('corrects an entry whose times are not the referral’s', async () => {
    const open = openReferrals(connection.db);
    const referral = await stored('moved', newReferral({ externalId: 'moved' }));
    await open.track({
      ...referral,
      receivedAt: daysAfter(RECEIVED_AT, 9),
      respondByAt: daysAfter(RECEIVED_AT, 10),
    });
    expect(await open.dueBy(daysAfter(RECEIVED_AT, 5), 10)).toEqual([]);
    await open.rebuild([referral]);
    expect(await open.dueBy(daysAfter(RECEIVED_AT, 5), 10)).toEqual(['moved']);
  });
});
