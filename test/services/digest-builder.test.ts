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
import { cardText } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import { digestCard, OUTCOME_COLORS } from '../../cards/digest-card';
import { t } from '../../i18n/catalogue';

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
  // Accepted with a purchase date of day 2; on day 6 it is past it, so its owner is due to report back.
  reportDue: applyCommand(
    newReferral(),
    {
      type: 'accept',
      input: { engagementName: 'Report me', value: '10000', currency: 'USD', purchaseDate: '2026-11-22' },
    },
    dana,
    hoursAfter(RECEIVED_AT, 1),
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
    expect(d).toMatchObject({ newInPeriod: 8, awaiting: 3, overdue: 2, expiringSoon: 1, activeCount: 3 });
    expect(d.pipeline).toEqual({ USD: 40000, KRW: 90000000 });
    expect(d.outcomes.Won).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Lost).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Declined).toEqual({ count: 1, value: {} });
    expect(d.outcomes.Expired.count).toBe(0);
    // Answered after 1, 1, 1, 1 (reportDue), 2 and 30 h: the median is 1 h. On time 5; late: krw and stale
    // (unanswered past 24 h); pending: fresh.
    expect(d.response.medianResponseMs).toBe(3600_000);
    expect(d.response.withinRecommendedShare).toBeCloseTo(5 / 7);
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

  it('lists overdue, expiring and past-purchase-date referrals by name, and the open work per owner', async () => {
    const d = await digestFromStore({ kind: 'teams', teamIds: new Set([TEAM]) });
    expect(d.overdueItems.map((i) => i.id)).toEqual(['expiring', 'stale']);
    expect(d.expiringItems.map((i) => i.id)).toEqual(['expiring']);
    expect(d.reportBackDue).toBe(1);
    expect(d.reportBackItems).toMatchObject([{ id: 'reportDue', name: 'Report me', owner: { id: dana.id } }]);
    expect(d.workload).toEqual([
      { owner: { id: dana.id, name: dana.name }, awaiting: 0, active: 3 },
      { awaiting: 3, active: 0 },
    ]);
  });

  it.each(['en', 'ko'] as const)(
    'draws a valid card whose charts carry the store’s numbers, with a button to open each listed referral (%s)',
    async (locale) => {
      const d = await digestFromStore({ kind: 'teams', teamIds: new Set([TEAM]) });
      const url = 'https://teams.microsoft.com/l/message/19%3Ageneral/1?parentMessageId=1';
      const card = digestCard({ locale, timeZone: 'Asia/Seoul', now }, d, { stale: url });
      expect(cardProblems(card)).toEqual([]);

      // Counted in the store itself, not through the directory.
      const docs = await connection.db.collection<Referral>('referrals').find({}).toArray();
      const open = docs.filter((r) => r.status !== 'Closed').length;
      const closedInPeriod = (substatus: string) =>
        docs.filter(
          (r) =>
            r.closure?.substatus === substatus && r.closure.at >= period.from && r.closure.at < period.to,
        ).length;
      const body = card['body'] as Record<string, unknown>[];
      const bars = body.find((e) => e['type'] === 'Chart.HorizontalBar') as {
        data: { x: string; y: number }[];
      };
      expect(bars.data.reduce((sum, bar) => sum + bar.y, 0)).toBe(open);
      expect(bars.data.map((bar) => bar.y)).toEqual([3, 3]);
      expect(bars.data.every((bar) => Number.isInteger(bar.y) && bar.x.length <= 18)).toBe(true);
      const donut = body.find((e) => e['type'] === 'Chart.Donut') as {
        data: { legend: string; value: number; color: string }[];
      };
      expect(donut.data).toEqual(
        (['Won', 'Lost', 'Declined'] as const).map((s) => ({
          legend: `${t(locale, `substatus.${s}`)} ${closedInPeriod(s)}`,
          value: closedInPeriod(s),
          color: OUTCOME_COLORS[s].name,
        })),
      );
      expect(closedInPeriod('Expired')).toBe(0);

      // Each listed referral by name with its own button: the thread link where its card is known, else `show`.
      const text = cardText(card);
      expect(text).toContain(`${t(locale, 'digest.overdueList')} (2)`);
      expect(text).toContain(`${t(locale, 'digest.reportBackList')} (1)`);
      expect(text).toContain('Contoso Customer Inc — Report me');
      const actions = JSON.stringify(card);
      expect(actions).toContain(
        JSON.stringify({ type: 'Action.OpenUrl', title: t(locale, 'digest.open'), url }),
      );
      for (const id of ['expiring', 'reportDue'])
        expect(actions).toContain(
          JSON.stringify({
            type: 'Action.Execute',
            verb: 'show',
            title: t(locale, 'digest.open'),
            data: { referralId: id },
          }),
        );
    },
  );
});
