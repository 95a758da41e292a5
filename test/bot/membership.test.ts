import { t } from '../../i18n/catalogue';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { SAMPLE_CUSTOMER, sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { acceptForm, cardText, DANA, LEE, type Person } from '../support/teams-client';

const MINA: Person = { id: '29:mina', aadObjectId: 'aad-mina', name: 'Mina Cho' };
const TEAM_ID = '19:team-sales@thread.tacv2';

describe('joining and leaving', () => {
  let store: TestStore;
  let desk: Desk;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });
  afterEach(async () => {
    await desk?.stop();
  });

  it('welcomes a person once in their personal chat when they add the app', async () => {
    desk = await startDesk(store);
    const chat = `a:personal-${DANA.aadObjectId}`;
    const welcomes = () =>
      desk.peer.messages.filter(
        (m) => m.conversationId === chat && cardText(m.activity).includes(t('en', 'welcome.title')),
      );
    expect((await desk.teams.installPersonally(DANA)).status).toBe(200);
    await desk.peer.waitFor(() => welcomes().length > 0);
    // Removed and added again, or Teams repeating itself: no second hello.
    await desk.teams.installPersonally(DANA);
    await desk.teams.installPersonally(DANA);
    await desk.service.idle();
    expect(welcomes()).toHaveLength(1);
  });

  it('lets someone who joins the team act at once, and stops someone who leaves', async () => {
    desk = await startDesk(store);
    await desk.teams.installInTeam(DANA);
    const { id } = await postReferral(desk.service, sampleReferralJson('joiner'));
    await desk.service.idle();
    // Mina is not in the team yet: she sees nothing, and her click changes nothing.
    expect(cardText((await desk.command('inbox', { where: 'personal', from: MINA })).card)).not.toContain(
      SAMPLE_CUSTOMER,
    );
    const refused = await desk.teams.click(MINA, 'accept', acceptForm(id));
    expect(refused.body.value).toBe(t('en', 'access.membersOnly'));

    // She joins: Teams tells the bot, and the roster is read again then and there, not ten minutes later.
    desk.peer.rosters.set(TEAM_ID, [
      ...[DANA, LEE, MINA].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })),
    ]);
    await desk.teams.membersChanged({ added: [MINA] });
    expect(cardText((await desk.command('inbox', { where: 'personal', from: MINA })).card)).toContain(
      SAMPLE_CUSTOMER,
    );

    // Lee leaves: he sees nothing more and may not act.
    desk.peer.rosters.set(TEAM_ID, [
      ...[DANA, MINA].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })),
    ]);
    await desk.teams.membersChanged({ removed: [LEE] });
    expect(cardText((await desk.command('inbox', { where: 'personal', from: LEE })).card)).not.toContain(
      SAMPLE_CUSTOMER,
    );
    expect((await desk.teams.click(LEE, 'accept', acceptForm(id))).body.value).toBe(
      t('en', 'access.membersOnly'),
    );
    const accepted = await desk.teams.click(MINA, 'accept', acceptForm(id));
    expect(cardText(accepted.body.value)).toContain(t('en', 'notice.accept'));
  });
});
