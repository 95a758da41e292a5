import { parseAccept } from '../../core/inputs';
import { codeMessage, t } from '../../i18n/catalogue';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { SAMPLE_CUSTOMER, sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { acceptForm, cardText, cardVerbs, DANA, LEE } from '../support/teams-client';

const NOW = new Date('2026-11-25T01:00:00Z');

describe('the referral workflow in a Teams channel, through /api/messages and the real store', () => {
  let store: TestStore;
  // Each spec has a desk of its own (a fresh database and connector peer), with the clock at NOW.
  let desk: Desk;
  let now = NOW;

  /** A referral comes in; once its effects have run its card is in the channel (when the bot is installed). */
  const intake = async (externalId: string, expectedStatus = 201) => {
    const { status, id } = await postReferral(desk.service, sampleReferralJson(externalId));
    expect(status).toBe(expectedStatus);
    await desk.service.idle();
    return id;
  };
  const settled = () => desk.service.idle();
  const threadsFor = (id: string) => desk.peer.threadsWith(id);
  const cardOf = (reply: { body: { value?: unknown } }) => reply.body.value as Record<string, unknown>;

  beforeAll(async () => {
    store = await startTestStore();
  });
  beforeEach(async () => {
    now = NOW;
    desk = await startDesk(store, { clock: () => now });
  });
  afterEach(async () => {
    await desk?.stop();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('keeps a referral that arrives before the bot is installed, and posts it once the channel appears', async () => {
    const id = await intake('wf-early');
    await settled();
    expect(threadsFor(id)).toHaveLength(0);

    expect((await desk.teams.installInTeam()).status).toBe(200);
    await desk.peer.waitFor(() => threadsFor(id).length === 1);
    await desk.teams.installInTeam();
    await settled();
    expect(threadsFor(id)).toHaveLength(1);
  });

  describe('once the bot is installed in the team', () => {
    beforeEach(async () => {
      expect((await desk.teams.installInTeam()).status).toBe(200);
    });

    it('posts each new referral as exactly one new thread in the channel, with Accept and Decline', async () => {
      const id = await intake('wf-new');
      await desk.peer.waitFor(() => threadsFor(id).length === 1);
      await intake('wf-new', 200);
      await settled();
      expect(threadsFor(id)).toHaveLength(1);
      const card = desk.peer.cards().find((c) => JSON.stringify(c).includes(id));
      expect(cardText(card)).toContain(SAMPLE_CUSTOMER);
      expect(cardVerbs(card)).toEqual(expect.arrayContaining(['accept', 'decline']));
    });

    it('accepts with valid input: Active, the clicker gets the new card and the channel card is updated', async () => {
      const id = await intake('wf-accept');
      await desk.peer.waitFor(() => threadsFor(id).length === 1);
      const reply = await desk.teams.click(DANA, 'accept', acceptForm(id));
      expect(reply.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(cardText(cardOf(reply))).toContain('Contoso landing zone');
      expect(cardVerbs(cardOf(reply))).toEqual(
        expect.arrayContaining(['won', 'lost', 'edit', 'add-contact']),
      );
      // Built while the accept was being written, the card's history already ends with it.
      expect(cardText(cardOf(reply))).toMatch(/Accepted by Dana Kim, /);
      expect(await desk.service.referrals.load(id)).toMatchObject({
        status: 'Active',
        substatus: 'Accepted',
      });
      await settled();
      const update = desk.peer.updates.filter((u) => JSON.stringify(u).includes(id)).at(-1);
      expect(cardText(update)).toContain('Contoso landing zone');
      expect(cardVerbs(update)).not.toContain('accept');
    });

    it('shows the form again with the typed values and a message per field when Accept is invalid', async () => {
      const id = await intake('wf-invalid');
      const typed = { 'accept.engagementName': '', 'accept.value': '-5' };
      const reply = await desk.teams.click(DANA, 'accept', acceptForm(id, typed));
      const text = cardText(cardOf(reply));
      const expected = parseAccept({ engagementName: '', value: '-5', currency: 'USD' }, now);
      expect(expected.ok).toBe(false);
      for (const error of expected.ok ? [] : expected.errors)
        expect(text).toContain(codeMessage('en', 'error', error.code, error.params));
      expect(JSON.stringify(cardOf(reply))).toContain('"-5"');
      expect(JSON.stringify(cardOf(reply))).toContain('Call booked for Thursday');
      expect(await desk.service.referrals.load(id)).toMatchObject({ status: 'New' });
    });

    it('declines with a reason: Closed/Declined, read-only', async () => {
      const id = await intake('wf-decline');
      const reply = await desk.teams.click(DANA, 'decline', {
        referralId: id,
        form: 'decline',
        'decline.reason': 'requirement-not-met',
        'decline.notes': 'We do not cover this region',
      });
      expect(await desk.service.referrals.load(id)).toMatchObject({
        status: 'Closed',
        substatus: 'Declined',
      });
      expect(cardVerbs(cardOf(reply)).filter((v) => v !== 'refresh')).toEqual([]);
    });

    it('closes an active referral as Lost with a reason, and another as Won', async () => {
      const lost = await intake('wf-lost');
      await desk.teams.click(DANA, 'accept', acceptForm(lost));
      await desk.teams.click(LEE, 'lost', {
        referralId: lost,
        form: 'lost',
        'lost.reason': 'budget-inadequate',
        'lost.notes': 'Budget moved to next year',
      });
      expect(await desk.service.referrals.load(lost)).toMatchObject({ status: 'Closed', substatus: 'Lost' });

      const won = await intake('wf-won');
      await desk.teams.click(DANA, 'accept', acceptForm(won));
      now = new Date(NOW.getTime() + 4 * 24 * 3600_000);
      await desk.teams.click(DANA, 'won', { referralId: won, form: 'won', 'won.notes': 'Signed' });
      expect(await desk.service.referrals.load(won)).toMatchObject({ status: 'Closed', substatus: 'Won' });
    });

    it('edits the engagement and adds a contact while Active', async () => {
      const id = await intake('wf-edit');
      await desk.teams.click(DANA, 'accept', acceptForm(id));
      await desk.teams.click(DANA, 'edit', {
        referralId: id,
        form: 'edit',
        'edit.engagementName': 'Contoso landing zone, phase 2',
        'edit.value': '150000',
        'edit.currency': 'USD',
        'edit.purchaseDate': '2027-03-01',
      });
      const contact = await desk.teams.click(LEE, 'add-contact', {
        referralId: id,
        form: 'add-contact',
        'add-contact.firstName': 'Mina',
        'add-contact.lastName': 'Cho',
        'add-contact.email': 'mina.cho@partner.example',
        'add-contact.phoneNumber': '+82 10 5555 0101',
      });
      expect(cardText(cardOf(contact))).toContain('Mina');
      const referral = await desk.service.referrals.load(id);
      expect(referral?.engagement).toMatchObject({ name: 'Contoso landing zone, phase 2' });
      expect(referral?.engagement?.value.amount).toBe(150000);
      expect(referral?.team.map((c) => c.email)).toContain('mina.cho@partner.example');
    });

    it('lets one of two simultaneous Accept clicks win; the other sees who accepted', async () => {
      const id = await intake('wf-race');
      const [first, second] = await Promise.all([
        desk.teams.click(DANA, 'accept', acceptForm(id, { 'accept.engagementName': 'Dana’s engagement' })),
        desk.teams.click(LEE, 'accept', acceptForm(id, { 'accept.engagementName': 'Lee’s engagement' })),
      ]);
      const referral = await desk.service.referrals.load(id);
      expect(referral).toMatchObject({ status: 'Active' });
      const winner = referral?.response?.by.name;
      const loserReply = winner === DANA.name ? second : first;
      const loser = winner === DANA.name ? LEE : DANA;
      expect([DANA.name, LEE.name]).toContain(winner);
      expect(loser.name).not.toBe(winner);
      expect(cardText(cardOf(loserReply))).toContain(winner!);
      expect(
        await desk.service.store.db.collection('referral_events').countDocuments({ referralId: id }),
      ).toBe(2);
    });

    it('forgets the team when the bot is removed, and keeps new referrals waiting until it is back', async () => {
      expect(await desk.service.stores.conversations.listChannels()).toHaveLength(1);
      expect((await desk.teams.uninstallFromTeam()).status).toBe(200);
      expect(await desk.service.stores.conversations.listChannels()).toHaveLength(0);
      const id = await intake('wf-after-uninstall');
      await settled();
      expect(threadsFor(id)).toHaveLength(0);
      await desk.teams.installInTeam();
      await desk.peer.waitFor(() => threadsFor(id).length === 1);
    });

    it('answers a Korean click with a Korean card', async () => {
      const id = await intake('wf-korean');
      const reply = await desk.teams.click(DANA, 'refresh', { referralId: id }, { locale: 'ko-KR' });
      expect(cardText(cardOf(reply))).toContain(t('ko', 'form.accept.title'));
      expect(cardText(cardOf(reply))).not.toContain(t('en', 'form.accept.title'));
    });
  });
});
