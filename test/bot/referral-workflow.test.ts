import type { RunningService } from '../../app/start-service';
import { parseAccept } from '../../core/inputs';
import { t } from '../../i18n/catalogue';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { cardText, cardVerbs, DANA, LEE, teamsClient } from '../support/teams-client';

const NOW = new Date('2026-11-25T01:00:00Z');

describe('the referral workflow in a Teams channel, through /api/messages and the real store', () => {
  let store: TestStore;
  let peer: ConnectorPeer;
  let service: RunningService;
  let teams: ReturnType<typeof teamsClient>;
  let now = NOW;

  const intake = async (externalId: string, expectedStatus = 201) => {
    const { status, id } = await postReferral(service, sampleReferralJson(externalId));
    expect(status).toBe(expectedStatus);
    return id;
  };
  const settled = () => service.idle();
  const threadsFor = (id: string) => peer.threads.filter((thread) => JSON.stringify(thread).includes(id));
  const acceptForm = (id: string, fields: Record<string, string> = {}) => ({
    referralId: id,
    form: 'accept',
    'accept.engagementName': 'Contoso landing zone',
    'accept.value': '120000',
    'accept.currency': 'USD',
    'accept.purchaseDate': '2027-02-15',
    'accept.purchaseTimeframe': '',
    'accept.notes': 'Call booked for Thursday',
    'accept.crmId': 'CRM-4711',
    ...fields,
  });
  const cardOf = (reply: { body: { value?: unknown } }) => reply.body.value as Record<string, unknown>;

  beforeAll(async () => {
    store = await startTestStore();
    peer = await startConnectorPeer();
    service = await startTestService(store.uri, { local: true, clock: () => now });
    teams = teamsClient(service.url, peer.url);
  });
  afterAll(async () => {
    await service?.stop();
    await peer?.close();
    await store?.stop();
  });

  it('keeps a referral that arrives before the bot is installed, and posts it once the channel appears', async () => {
    const id = await intake('wf-early');
    await settled();
    expect(threadsFor(id)).toHaveLength(0);

    expect((await teams.installInTeam()).status).toBe(200);
    await peer.waitFor(() => threadsFor(id).length === 1);
    await teams.installInTeam();
    await settled();
    expect(threadsFor(id)).toHaveLength(1);
  });

  it('posts each new referral as exactly one new thread in the channel, with Accept and Decline', async () => {
    const id = await intake('wf-new');
    await peer.waitFor(() => threadsFor(id).length === 1);
    await intake('wf-new', 200);
    await settled();
    expect(threadsFor(id)).toHaveLength(1);
    const card = peer.cards().find((c) => JSON.stringify(c).includes(id));
    expect(cardText(card)).toContain('Contoso Pharma Korea');
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(['accept', 'decline']));
  });

  it('accepts with valid input: Active, the clicker gets the new card and the channel card is updated', async () => {
    const id = await intake('wf-accept');
    await peer.waitFor(() => threadsFor(id).length === 1);
    const reply = await teams.click(DANA, 'accept', acceptForm(id));
    expect(reply.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(cardOf(reply))).toContain('Contoso landing zone');
    expect(cardVerbs(cardOf(reply))).toEqual(expect.arrayContaining(['won', 'lost', 'edit', 'add-contact']));
    expect(await service.referrals.load(id)).toMatchObject({ status: 'Active', substatus: 'Accepted' });
    await settled();
    const update = peer.updates.filter((u) => JSON.stringify(u).includes(id)).at(-1);
    expect(cardText(update)).toContain('Contoso landing zone');
    expect(cardVerbs(update)).not.toContain('accept');
  });

  it('shows the form again with the typed values and a message per field when Accept is invalid', async () => {
    const id = await intake('wf-invalid');
    const typed = { 'accept.engagementName': '', 'accept.value': '-5' };
    const reply = await teams.click(DANA, 'accept', acceptForm(id, typed));
    const text = cardText(cardOf(reply));
    const expected = parseAccept({ engagementName: '', value: '-5', currency: 'USD' }, now);
    expect(expected.ok).toBe(false);
    for (const error of expected.ok ? [] : expected.errors)
      expect(text).toContain(t('en', `error.${error.code}`, error.params));
    expect(JSON.stringify(cardOf(reply))).toContain('"-5"');
    expect(JSON.stringify(cardOf(reply))).toContain('Call booked for Thursday');
    expect(await service.referrals.load(id)).toMatchObject({ status: 'New' });
  });

  it('declines with a reason: Closed/Declined, read-only', async () => {
    const id = await intake('wf-decline');
    const reply = await teams.click(DANA, 'decline', {
      referralId: id,
      form: 'decline',
      'decline.reason': 'requirement-not-met',
      'decline.notes': 'We do not cover this region',
    });
    expect(await service.referrals.load(id)).toMatchObject({ status: 'Closed', substatus: 'Declined' });
    expect(cardVerbs(cardOf(reply)).filter((v) => v !== 'refresh')).toEqual([]);
  });

  it('closes an active referral as Lost with a reason, and another as Won', async () => {
    const lost = await intake('wf-lost');
    await teams.click(DANA, 'accept', acceptForm(lost));
    await teams.click(LEE, 'lost', {
      referralId: lost,
      form: 'lost',
      'lost.reason': 'budget-inadequate',
      'lost.notes': 'Budget moved to next year',
    });
    expect(await service.referrals.load(lost)).toMatchObject({ status: 'Closed', substatus: 'Lost' });

    const won = await intake('wf-won');
    await teams.click(DANA, 'accept', acceptForm(won));
    now = new Date(NOW.getTime() + 4 * 24 * 3600_000);
    await teams.click(DANA, 'won', { referralId: won, form: 'won', 'won.notes': 'Signed' });
    expect(await service.referrals.load(won)).toMatchObject({ status: 'Closed', substatus: 'Won' });
  });

  it('edits the engagement and adds a contact while Active', async () => {
    const id = await intake('wf-edit');
    await teams.click(DANA, 'accept', acceptForm(id));
    await teams.click(DANA, 'edit', {
      referralId: id,
      form: 'edit',
      'edit.engagementName': 'Contoso landing zone, phase 2',
      'edit.value': '150000',
      'edit.currency': 'USD',
      'edit.purchaseDate': '2027-03-01',
    });
    const contact = await teams.click(LEE, 'add-contact', {
      referralId: id,
      form: 'add-contact',
      'add-contact.firstName': 'Mina',
      'add-contact.lastName': 'Cho',
      'add-contact.email': 'mina.cho@partner.example',
      'add-contact.phoneNumber': '+82 10 5555 0101',
    });
    expect(cardText(cardOf(contact))).toContain('Mina');
    const referral = await service.referrals.load(id);
    expect(referral?.engagement).toMatchObject({ name: 'Contoso landing zone, phase 2' });
    expect(referral?.engagement?.value.amount).toBe(150000);
    expect(referral?.team.map((c) => c.email)).toContain('mina.cho@partner.example');
  });

  it('lets one of two simultaneous Accept clicks win; the other sees who accepted', async () => {
    const id = await intake('wf-race');
    const [first, second] = await Promise.all([
      teams.click(DANA, 'accept', acceptForm(id, { 'accept.engagementName': 'Dana’s engagement' })),
      teams.click(LEE, 'accept', acceptForm(id, { 'accept.engagementName': 'Lee’s engagement' })),
    ]);
    const referral = await service.referrals.load(id);
    expect(referral).toMatchObject({ status: 'Active' });
    const winner = referral?.response?.by.name;
    const loserReply = winner === DANA.name ? second : first;
    const loser = winner === DANA.name ? LEE : DANA;
    expect([DANA.name, LEE.name]).toContain(winner);
    expect(loser.name).not.toBe(winner);
    expect(cardText(cardOf(loserReply))).toContain(winner!);
    expect(await service.store.db.collection('referral_events').countDocuments({ referralId: id })).toBe(2);
  });

  it('forgets the team when the bot is removed, and keeps new referrals waiting until it is back', async () => {
    expect((await teams.uninstallFromTeam()).status).toBe(200);
    expect(await service.stores.conversations.listChannels()).toHaveLength(0);
    const id = await intake('wf-after-uninstall');
    await settled();
    expect(threadsFor(id)).toHaveLength(0);
    await teams.installInTeam();
    await peer.waitFor(() => threadsFor(id).length === 1);
  });

  it('answers a Korean click with a Korean card', async () => {
    const id = await intake('wf-korean');
    const reply = await teams.click(DANA, 'refresh', { referralId: id }, { locale: 'ko-KR' });
    expect(cardText(cardOf(reply))).toMatch(/[가-힣]/);
  });
});
