import type { Referral } from '../../core/referral';
import { dueReferrals } from '../../storage/due-referrals';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { openReferrals } from '../../storage/open-referrals';
import { referralProjections } from '../../storage/referrals';
import { ensureIndexes } from '../../storage/indexes';
import {
  activeReferral,
  closedReferral,
  daysAfter,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
} from '../core/fixtures';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';

describe('due referrals', () => {
  let store: TestStore;
  let connection: StoreConnection;
  const save = async (id: string, referral: Referral) => {
    const stored = { ...referral, id };
    await referralProjections(connection.db).save(stored, stored.receivedAt);
    await openReferrals(connection.db).track(stored);
  };

  beforeAll(async () => {
    store = await startTestStore();
  });
  // Each spec gets the same five referrals in a database of its own.
  beforeEach(async () => {
    connection = await connectStore(store.uri, freshDatabase('due'), 5000);
    await ensureIndexes(connection.db);
    await save('day0', newReferral());
    await save('day2', newReferral({ externalId: 'day2' }, daysAfter(RECEIVED_AT, 2)));
    await save('fresh', newReferral({ externalId: 'fresh' }, daysAfter(RECEIVED_AT, 3)));
    await save('accepted', activeReferral({ externalId: 'accepted' }));
    await save('declined', { ...closedReferral('Declined'), externalId: 'declined' });
  });
  afterEach(async () => {
    await connection?.close();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('finds only unanswered referrals past their 24 h mark, oldest first', async () => {
    const due = await dueReferrals(connection.db).unansweredPastRespondBy(
      hoursAfter(RECEIVED_AT, 3.5 * 24),
      10,
    );
    expect(due.map((r) => r.id)).toEqual(['day0', 'day2']);
    expect(due.every((r) => r.status === 'New')).toBe(true);
  });

  it("finds a referral that arrived late when Partner Center's 24 h run out, not 24 h after it arrived", async () => {
    const arrivedAt = daysAfter(RECEIVED_AT, 3);
    await save('late', newReferral({ externalId: 'late', createdAt: hoursAfter(arrivedAt, -20) }, arrivedAt));
    const due = await dueReferrals(connection.db).unansweredPastRespondBy(hoursAfter(arrivedAt, 4), 10);
    expect(due.map((r) => r.id)).toEqual(['day0', 'day2', 'late']);
  });

  it('reads no more than asked', async () => {
    const due = await dueReferrals(connection.db).unansweredPastRespondBy(daysAfter(RECEIVED_AT, 10), 1);
    expect(due.map((r) => r.id)).toEqual(['day0']);
  });

  it('forgets a referral once it is answered', async () => {
    await save('day0', activeReferral());
    const due = await dueReferrals(connection.db).unansweredPastRespondBy(daysAfter(RECEIVED_AT, 10), 10);
    expect(due.map((r) => r.id)).toEqual(['day2', 'fresh']);
  });
});
