import { t } from '../../i18n/catalogue';
import { dana } from '../core/fixtures';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { cardText } from '../support/teams-client';

const NOW = new Date('2026-11-25T01:00:00Z');
// Every sample referral asks for this solution (test/support/sample-referral.ts).
const SOLUTION = 'Azure Landing Zone Accelerator';

describe('the fit hint on a new referral’s card, from the team’s own history in the store', () => {
  let store: TestStore;
  let desk: Desk;

  beforeAll(async () => {
    store = await startTestStore();
  });
  beforeEach(async () => {
    desk = await startDesk(store, { clock: () => NOW });
    await desk.teams.installInTeam();
  });
  afterEach(async () => {
    await desk?.stop();
  });
  afterAll(async () => {
    await store?.stop();
  });

  const receive = async (key: string) => {
    const { status, id } = await postReferral(desk.service, sampleReferralJson(`fit-${key}`));
    expect(status).toBe(201);
    return id;
  };
  /** The card posted in the channel for `id`, as people read it. */
  const postedCard = async (id: string) => {
    await desk.service.idle();
    await desk.peer.waitFor(() => desk.peer.threadsWith(id).length > 0);
    return cardText(desk.peer.threadsWith(id)[0]!.activity);
  };

  it('shows how the team answered referrals of the same solution, with the counts', async () => {
    const accept = {
      type: 'accept' as const,
      input: {
        engagementName: 'Landing zone',
        value: '50000',
        currency: 'USD',
        purchaseTimeframe: '1-3-months',
      },
    };
    // By hand: six decided, five accepted (two of them won, one lost), one declined as not a customer.
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => receive(`old-${n}`)));
    for (const id of ids.slice(0, 5)) await desk.service.referrals.apply(id, accept, dana);
    for (const id of ids.slice(0, 2))
      await desk.service.referrals.apply(id, { type: 'won', input: {} }, dana);
    await desk.service.referrals.apply(
      ids[2]!,
      { type: 'lost', input: { reason: 'chose-another-vendor' } },
      dana,
    );
    await desk.service.referrals.apply(
      ids[5]!,
      { type: 'decline', input: { reason: 'not-a-customer' } },
      dana,
    );
    await desk.service.idle();

    const text = await postedCard(await receive('new'));
    expect(text).toContain(t('en', 'fit.title'));
    expect(text).toContain(
      `${t('en', 'fit.acceptedWonLost', { subject: `“${SOLUTION}”`, accepted: 5, decided: 6, won: 2, lost: 1 })} · ${t('en', 'fit.declinedMostly', { reason: t('en', 'reason.not-a-customer') })}. ${t('en', 'fit.verdict.good')}`,
    );
  });

  it('shows no hint while the team has too little history', async () => {
    const first = await receive('first');
    expect(await postedCard(first)).not.toContain(t('en', 'fit.title'));
    // Four decided are still fewer than the five a hint needs.
    for (const n of [1, 2, 3, 4]) {
      const id = await receive(`few-${n}`);
      await desk.service.referrals.apply(id, { type: 'decline', input: { reason: 'not-a-customer' } }, dana);
    }
    expect(await postedCard(await receive('next'))).not.toContain(t('en', 'fit.title'));
  });
});
