import type { Referral } from '../../core/referral';
import { createDigestBuilder } from '../../services/digest-builder';
import { createReferralDirectory, type Scope } from '../../services/referral-directory';
import { createReferralLists } from '../../services/referral-lists';
import { ensureIndexes } from '../../storage/indexes';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { referralRoutes } from '../../storage/referral-routes';
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

// Two channels of one team; the first holds three of the referrals.
const TEAM = '19:team';
const CHANNEL = '19:apac';
const IN_CHANNEL = new Set(['stale', 'won', 'longGone']);

describe('digests built from the store, through the directory', () => {
  let store: TestStore;
  let connection: StoreConnection;
  const now = daysAfter(RECEIVED_AT, 6);
  const period = { from: daysAfter(RECEIVED_AT, -1), to: now };

  beforeAll(async () => {
    store = await startTestStore();
    connection = await connectStore(store.uri, 'digest-source-test', 5000);
    await ensureIndexes(connection.db);
    const projections = referralProjections(connection.db);
    const routes = referralRoutes(connection.db);
    for (const [id, referral] of Object.entries(DATA)) {
      await projections.save({ ...referral, id, externalId: id }, now);
      await routes.decide(id, { channelId: IN_CHANNEL.has(id) ? CHANNEL : '19:general', teamId: TEAM }, now);
    }
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });

  /** A fresh directory read from the store, as the service builds it at start-up, then the digest over `scope`. */
  async function digestFromStore(scope: Scope) {
    const directory = createReferralDirectory();
    await directory.load({
      referrals: referralProjections(connection.db).all(),
      routes: referralRoutes(connection.db).all(),
    });
    return createDigestBuilder(createReferralLists(directory)).build(scope, period, now);
  }

  it('streams the same numbers as computed by hand', async () => {
    const d = await digestFromStore({ kind: 'teams', teamIds: new Set([TEAM]) });
    expect(d).toMatchObject({ newInPeriod: 7, awaiting: 3, overdue: 2, expiringSoon: 1, activeCount: 2 });
    expect(d.pipeline).toEqual({ USD: 30000, KRW: 90000000 });
    expect(d.outcomes.Won).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Lost).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Declined).toEqual({ count: 1, value: {} });
    expect(d.outcomes.Expired.count).toBe(0);
    expect(d.response.medianResponseMs).toBe(3600_000);
    expect(d.response.withinRecommendedShare).toBeCloseTo(4 / 6);
  });

  it('covers only a channel’s referrals when asked for those', async () => {
    const d = await digestFromStore({ kind: 'channel', channelId: CHANNEL });
    expect(d).toMatchObject({ newInPeriod: 2, awaiting: 1, overdue: 1, activeCount: 0 });
    expect(d.outcomes.Won.count).toBe(1);
    expect(d.outcomes.Expired.count).toBe(0);
  });

  it('covers nothing for someone in no team, and nothing of another team', async () => {
    const nobody = await digestFromStore({ kind: 'teams', teamIds: new Set() });
    const other = await digestFromStore({ kind: 'teams', teamIds: new Set(['19:other-team']) });
    for (const d of [nobody, other]) expect(d).toMatchObject({ newInPeriod: 0, awaiting: 0, activeCount: 0 });
  });
});
