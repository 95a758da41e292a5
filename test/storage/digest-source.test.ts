import { createDigest } from '../../core/digest';
import type { Referral } from '../../core/referral';
import { digestSource } from '../../storage/digest-source';
import { ensureIndexes } from '../../storage/indexes';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { referralProjections } from '../../storage/referrals';
import {
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
  scheduler,
} from '../core/fixtures';
import { startTestStore, type TestStore } from '../support/store';

/** The fixed data set of test/core/digest.test.ts, stored, plus one referral entirely before the period. */
const DATA: Record<string, Referral> = {
  fresh: newReferral({}, daysAfter(RECEIVED_AT, 5.5)),
  stale: newReferral(),
  expiring: newReferral({}, daysAfter(RECEIVED_AT, -11)),
  active: activeReferral(),
  won: closedReferral('Won'),
  lost: closedReferral('Lost'),
  declined: closedReferral('Declined'),
  krw: applyCommand(
    newReferral(),
    {
      type: 'accept',
      input: { engagementName: 'KRW', value: '90000000', currency: 'KRW', purchaseTimeframe: '1-3-months' },
    },
    dana,
    hoursAfter(RECEIVED_AT, 30),
  ),
  longGone: applyCommand(
    newReferral({}, daysAfter(RECEIVED_AT, -20)),
    { type: 'expire' },
    scheduler,
    daysAfter(RECEIVED_AT, -6),
  ),
};

describe('digest source', () => {
  let store: TestStore;
  let connection: StoreConnection;
  const now = daysAfter(RECEIVED_AT, 6);
  const period = { from: daysAfter(RECEIVED_AT, -1), to: now };

  beforeAll(async () => {
    store = await startTestStore();
    connection = await connectStore(store.uri, 'digest-source-test', 5000);
    await ensureIndexes(connection.db);
    const projections = referralProjections(connection.db);
    for (const [id, referral] of Object.entries(DATA))
      await projections.save({ ...referral, id, externalId: id });
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });

  async function digestFromStore(ids?: string[]) {
    const source = digestSource(connection.db);
    const digest = createDigest(period, now);
    for await (const r of source.receivedIn(period, ids)) digest.received(r);
    for await (const r of source.open(ids)) digest.open(r);
    for await (const r of source.closedIn(period, ids)) digest.closed(r);
    return digest.result();
  }

  it('streams the same numbers as computed by hand', async () => {
    const d = await digestFromStore();
    expect(d).toMatchObject({ newInPeriod: 7, awaiting: 3, overdue: 2, expiringSoon: 1, activeCount: 2 });
    expect(d.pipeline).toEqual({ USD: 30000, KRW: 90000000 });
    expect(d.outcomes.Won).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Lost).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Declined).toEqual({ count: 1, value: {} });
    expect(d.outcomes.Expired.count).toBe(0);
    expect(d.response.medianResponseMs).toBe(3600_000);
    expect(d.response.withinRecommendedShare).toBeCloseTo(4 / 7);
  });

  it('covers only a channel’s referrals when asked for those', async () => {
    const d = await digestFromStore(['stale', 'won', 'longGone']);
    expect(d).toMatchObject({ newInPeriod: 2, awaiting: 1, overdue: 1, activeCount: 0 });
    expect(d.outcomes.Won.count).toBe(1);
    expect(d.outcomes.Expired.count).toBe(0);
  });
});
