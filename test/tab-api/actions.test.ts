import { postReferral } from '../support/intake';
import { sampleReferralJson, SAMPLE_CUSTOMER } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { startTabDesk, type TabDesk } from '../support/tab-client';
import { cardText, cardVerbs, DANA, LEE } from '../support/teams-client';

const ACCEPT = {
  engagementName: 'Contoso landing zone',
  value: '120000',
  currency: 'USD',
  purchaseDate: '2027-02-15',
  notes: 'Call booked for Thursday',
  crmId: 'CRM-4711',
};

describe('actions from the tab', () => {
  let store: TestStore;
  let desk: TabDesk;

  beforeAll(async () => {
    store = await startTestStore();
    desk = await startTabDesk(store);
    await desk.teams.installInTeam(DANA);
  });
  afterAll(async () => {
    await desk?.stop();
    await store?.stop();
  });

  async function intake(key: string): Promise<string> {
    const { id } = await postReferral(desk.service, sampleReferralJson(key));
    await desk.peer.waitFor(() => desk.peer.threadsWith(id).length === 1);
    return id;
  }
  const act = async (id: string, body: unknown, who = DANA) =>
    desk.tab.post(`/api/tab/referrals/${id}/actions`, await desk.tokenFor(who), body);
  const lastUpdateOf = (id: string) => desk.peer.updates.filter((u) => JSON.stringify(u).includes(id)).at(-1);

  it('accepts through the lifecycle: Active, and the channel card is redrawn for everyone', async () => {
    const id = await intake('tab-accept');
    const reply = await act(id, { verb: 'accept', version: 1, data: ACCEPT });
    expect(reply.status).toBe(200);
    expect(reply.body.referral).toMatchObject({
      id,
      state: 'active',
      owner: { id: DANA.aadObjectId, name: DANA.name },
      value: { amount: 120000, currency: 'USD' },
      engagement: { name: 'Contoso landing zone', crmId: 'CRM-4711' },
      actions: ['won', 'lost', 'edit', 'assign'],
      version: 2,
    });
    expect((reply.body.referral.history as { kind: string }[]).map((h) => h.kind)).toEqual([
      'received',
      'accepted',
    ]);
    await desk.service.idle();
    const update = lastUpdateOf(id);
    expect(update).toBeDefined();
    expect(cardText(update)).toContain('Contoso landing zone');
    expect(cardText(update)).toContain(SAMPLE_CUSTOMER);
    expect(cardVerbs(update)).not.toContain('accept');
    expect(cardVerbs(update)).toEqual(expect.arrayContaining(['won', 'lost']));
  });

  it('answers a stale action 409, saying who acted first, and changes nothing', async () => {
    const id = await intake('tab-stale');
    expect((await act(id, { verb: 'accept', version: 1, data: ACCEPT })).status).toBe(200);
    const late = await act(id, { verb: 'decline', version: 1, data: { reason: 'not-a-customer' } }, LEE);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: 'stale',
      message: expect.stringContaining('Already accepted by Dana Kim'),
      current: { status: 'Active', substatus: 'Accepted', by: { name: DANA.name } },
      referral: { id, state: 'active' },
    });
    expect(await desk.service.referrals.load(id)).toMatchObject({ status: 'Active', version: 2 });
  });

  it('refuses an edit made on an older version, naming who changed it since', async () => {
    const id = await intake('tab-edit');
    expect((await act(id, { verb: 'accept', version: 1, data: ACCEPT })).status).toBe(200);
    expect((await act(id, { verb: 'edit', version: 2, data: { value: '150000' } }, LEE)).status).toBe(200);
    const stale = await act(id, { verb: 'edit', version: 2, data: { notes: 'mine' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^Changed by Lee Park on /);
    const current = await desk.service.referrals.load(id);
    expect(current?.engagement).toMatchObject({
      value: { amount: 150000 },
      notes: 'Call booked for Thursday',
    });
  });

  it('answers 400 with each wrong field and changes nothing', async () => {
    const id = await intake('tab-invalid');
    const wrong = await act(id, {
      verb: 'accept',
      version: 1,
      data: { ...ACCEPT, engagementName: '', value: '-5' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid');
    expect((wrong.body.error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'engagementName',
      'value',
    ]);
    const shapeless = await act(id, { verb: 'explode', data: [] });
    expect(shapeless.status).toBe(400);
    expect((shapeless.body.error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'data',
      'verb',
      'version',
    ]);
    expect(await desk.service.referrals.load(id)).toMatchObject({ status: 'New', version: 1 });
  });

  it('assigns among the team, declines, and closes as won or lost', async () => {
    const [a, b, c] = [await intake('tab-assign'), await intake('tab-decline'), await intake('tab-won')];
    const assigned = await act(a, { verb: 'assign', version: 1, data: { owner: LEE.aadObjectId } });
    expect(assigned.body.referral.owner).toEqual({ id: LEE.aadObjectId, name: LEE.name });
    expect((await act(a, { verb: 'assign', version: 2, data: { owner: 'aad-stranger' } })).status).toBe(400);
    const declined = await act(b, {
      verb: 'decline',
      version: 1,
      data: { reason: 'not-a-customer', notes: 'x' },
    });
    expect(declined.body.referral).toMatchObject({ state: 'declined', actions: [] });
    await act(c, { verb: 'accept', version: 1, data: ACCEPT });
    const won = await act(c, {
      verb: 'won',
      version: 2,
      data: {
        notes: 'Signed',
        dealValue: 99000,
        dealCurrency: 'USD',
        dealClosedOn: new Date().toISOString().slice(0, 10),
      },
    });
    expect(won.status).toBe(200);
    expect(won.body.referral).toMatchObject({ state: 'won', value: { amount: 99000, currency: 'USD' } });
    const list = await desk.tab.get('/api/tab/referrals?state=won', await desk.tokenFor(LEE));
    expect(list.body.items.map((row: { id: string }) => row.id)).toEqual([c]);
  });
});
