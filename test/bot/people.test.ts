import { t } from '../../i18n/catalogue';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { memoryLogger } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { installTwoTeams, MINA, TEAM_B } from '../support/two-teams';
import {
  acceptForm,
  cardText,
  DANA,
  LEE,
  teamsClient,
  TENANT_ID,
  type Person,
} from '../support/teams-client';

// A second team of the same partner, whose only member is Mina; and someone from another company's tenant.
const STRANGER: Person = { id: '29:eve', aadObjectId: 'aad-eve', name: 'Eve Stranger' };
const TEXT_REPLY = 'application/vnd.microsoft.activity.message';

describe('who may see and do what', () => {
  let store: TestStore;
  let desk: Desk;
  let teamB: ReturnType<typeof teamsClient>;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });
  afterEach(async () => {
    await desk?.stop();
  });

  /** The bot in both teams; team A's General claims US referrals, team B's takes the rest (it is the default). */
  async function twoTeams(options: Parameters<typeof startDesk>[1] = {}) {
    desk = await startDesk(store, options);
    teamB = await installTwoTeams(desk, 'US');
    const a = (
      await postReferral(
        desk.service,
        sampleReferralJson('team-a', {
          customerProfile: { name: 'Redmond Robotics', address: { city: 'Redmond', country: 'US' } },
        }),
      )
    ).id;
    const b = (
      await postReferral(
        desk.service,
        sampleReferralJson('team-b', {
          customerProfile: { name: 'Busan Biotech', address: { city: 'Busan', country: 'KR' } },
        }),
      )
    ).id;
    await desk.service.idle();
    return { a, b };
  }

  it('shows a member of team A only team A’s referrals, and nothing of team B’s, even by id', async () => {
    const { a, b } = await twoTeams();
    expect(desk.service.directory.get(a)?.place?.teamId).not.toBe(TEAM_B.id);
    expect(desk.service.directory.get(b)?.place?.teamId).toBe(TEAM_B.id);

    const inbox = await desk.command('inbox', { where: 'personal', from: DANA });
    expect(cardText(inbox.card)).toContain('Redmond Robotics');
    expect(cardText(inbox.card)).not.toContain('Busan Biotech');

    const shown = await desk.command(`show ${b.slice(0, 3)}`, { where: 'personal', from: DANA });
    expect(shown.text).toBe(t('en', 'show.none', { id: b.slice(0, 3) }));
    expect(shown.text).not.toContain('Busan');

    // Mina, in team B only, sees team B's referral and not team A's.
    const minas = await desk.command('inbox', { where: 'personal', from: MINA });
    expect(cardText(minas.card)).toContain('Busan Biotech');
    expect(cardText(minas.card)).not.toContain('Redmond Robotics');
  });

  it('refuses a click on team B’s card from a member of team A (a replayed invoke), and changes nothing', async () => {
    const { b } = await twoTeams();
    const replayed = await desk.teams.click(DANA, 'accept', acceptForm(b));
    expect(replayed.body).toEqual({
      statusCode: 200,
      type: TEXT_REPLY,
      value: t('en', 'access.membersOnly'),
    });
    expect(await desk.service.referrals.load(b)).toMatchObject({ status: 'New', version: 1 });

    const refreshed = await desk.teams.click(DANA, 'refresh', { referralId: b });
    expect(refreshed.body.value).toBe(t('en', 'referral.notFound'));
    // Its own team may.
    const accepted = await teamB.click(MINA, 'accept', acceptForm(b));
    expect(cardText(accepted.body.value)).toContain(t('en', 'notice.accept'));
  });

  it('lets only a team’s referral admins change its channel settings', async () => {
    await twoTeams();
    // Dana installed the bot in team A, so she is its admin; Lee is only a member.
    const refused = await desk.teams.click(LEE, 'settings-save', { countries: 'JP', isDefault: 'false' });
    expect(refused.body.value).toBe(t('en', 'settings.adminsOnly'));
    const saved = await desk.teams.click(DANA, 'settings-save', {
      countries: 'JP',
      isDefault: 'false',
      admins: LEE.aadObjectId,
    });
    expect(cardText(saved.body.value)).toContain(t('en', 'settings.saved'));
    // Named an admin, Lee may now; Dana stays one.
    const byLee = await desk.teams.click(LEE, 'settings-save', { countries: 'JP, KR', isDefault: 'false' });
    expect(cardText(byLee.body.value)).toContain(t('en', 'settings.saved'));
    expect(
      (await desk.service.people.admins('19:team-sales@thread.tacv2')).map((p) => p.name).sort(),
    ).toEqual([DANA.name, LEE.name]);
  });

  it('gives an activity from a tenant not allowed nothing back, writes nothing, and logs it once', async () => {
    const { log, lines } = memoryLogger();
    desk = await startDesk(store, { env: { ALLOWED_TENANT_IDS: TENANT_ID }, log });
    const outsider = teamsClient(desk.service.url, desk.peer.url, { tenantId: 'tenant-other-company' });
    const install = await outsider.installInTeam(STRANGER);
    const typed = await outsider.sayInPersonalChat(STRANGER, 'inbox');
    const clicked = await outsider.click(STRANGER, 'refresh', { referralId: 'anything' });
    for (const reply of [install, typed]) {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({});
    }
    expect(clicked.body.value).toBeUndefined();
    expect(desk.peer.requests).toBe(0);
    expect(await desk.service.stores.conversations.listChannels()).toEqual([]);
    const logged = lines().filter((line) => line['tenantId'] === 'tenant-other-company');
    expect(logged).toHaveLength(1);
    // The allowed tenant is served as before.
    expect((await desk.command('help', { where: 'personal' })).card).toBeDefined();
  });
});
