import { t } from '../../i18n/catalogue';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { acceptForm, DANA } from '../support/teams-client';
import { until } from '../support/until';

const TEXT_REPLY = 'application/vnd.microsoft.activity.message';

/**
 * The store stops answering after a referral's card is in the channel: every store operation of the service
 * then fails after STORE_TIMEOUT_MS (1500 ms in tests), and the bot has to say so instead of going silent.
 */
describe('the Teams path while the store is unreachable', () => {
  let store: TestStore;
  let desk: Desk;
  let id: string;

  const accept = (locale = 'en-US') =>
    desk.teams.click(DANA, 'accept', acceptForm(id), {
      locale,
      threadId: desk.peer.threadsWith(id)[0]!.conversationId,
    });

  beforeEach(async () => {
    // A fixed address: once restarted, the store is where the running service left it.
    store = await startTestStore({ fixedAddress: true });
    desk = await startDesk(store);
    ({ id } = await postReferral(desk.service, sampleReferralJson('store-down')));
    await desk.teams.installInTeam();
    await desk.peer.waitFor(() => desk.peer.threadsWith(id).length === 1);
    await desk.service.idle();
    await store.stopProcess();
  });
  afterEach(async () => {
    await desk?.stop();
    await store?.stop();
  });

  it('answers an Accept click with a short text, in the clicker’s language, and leaves the card as it was', async () => {
    const english = await accept('en-US');
    expect(english.status).toBe(200);
    expect(english.body).toEqual({ statusCode: 200, type: TEXT_REPLY, value: t('en', 'store.unavailable') });

    const korean = await accept('ko-KR');
    expect(korean.status).toBe(200);
    expect(korean.body).toEqual({ statusCode: 200, type: TEXT_REPLY, value: t('ko', 'store.unavailable') });
    expect(desk.peer.updates).toEqual([]);
  });

  it('answers a command typed in personal chat with that text, as a message', async () => {
    expect(await desk.command('inbox', { where: 'personal' })).toEqual({
      text: t('en', 'store.unavailable'),
    });
  });

  it('has changed nothing once the store is back, and Accept then works', async () => {
    expect((await accept()).body.value).toBe(t('en', 'store.unavailable'));
    await store.restart();
    await until(async () => (await fetch(`${desk.service.url}/readyz`)).status, 200);

    expect(await desk.service.referrals.load(id)).toMatchObject({ status: 'New', version: 1 });
    const events = desk.service.store.db.collection('referral_events');
    expect(await events.countDocuments({ referralId: id })).toBe(1);

    const accepted = await accept();
    expect(accepted.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(await desk.service.referrals.load(id)).toMatchObject({ status: 'Active', substatus: 'Accepted' });
  });
});
