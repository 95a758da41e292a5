import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { installTwoTeams, MINA } from '../support/two-teams';
import { idsOf, startTabDesk, type TabDesk } from '../support/tab-client';
import { DANA, LEE, type Person } from '../support/teams-client';
import { t } from '../../i18n/catalogue';

// Team A (Dana, Lee) claims the US, Korea and Japan; team B (Mina alone) takes the rest.
const customer = (name: string, country: string, size: string, city = 'Somewhere') => ({
  customerProfile: {
    name,
    address: { city, country },
    size,
    team: [{ firstName: 'Ji-woo', lastName: 'Park', email: 'jiwoo.park@contoso-pharma.example' }],
  },
});
const needs = (solution: string, notes: string, contactMe = false) => ({
  details: {
    notes,
    requirements: {
      industries: ['Manufacturing'],
      products: [],
      services: [],
      solutions: [{ id: solution, name: solution }],
    },
    customerRequestedContact: contactMe,
  },
});

describe('the tab API’s reads', () => {
  let store: TestStore;
  let desk: TabDesk;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    store = await startTestStore();
    desk = await startTabDesk(store);
    await installTwoTeams(desk, 'US, KR, JP');
    const send = async (key: string, json: Record<string, unknown>) => {
      const reply = await postReferral(desk.service, sampleReferralJson(key, json));
      expect(reply.status).toBe(201);
      ids[key] = reply.id;
    };
    await send('redmond', {
      ...customer('Redmond Robotics', 'US', '51to250employees', 'Redmond'),
      ...needs('Azure Migrate', 'Robot arms on the factory floor.'),
    });
    await send('busan', {
      ...customer('Busan Biotech', 'KR', '251to1000employees', 'Busan'),
      ...needs('Security Copilot', 'Lab data protection.', true),
    });
    await send('seoul', {
      ...customer('Seoul Semiconductors', 'KR', '1001to5000employees', 'Seoul'),
      ...needs('Azure Migrate', 'Chip design workloads.'),
    });
    await send('osaka', {
      ...customer('Osaka Outfitters', 'JP', '10to50employees', 'Osaka'),
      ...needs('Dynamics 365 Sales', 'Retail point of sale.'),
    });
    await send('austin', {
      ...customer('Austin Analytics', 'US', '51to250employees', 'Austin'),
      ...needs('Fabric', 'A data platform.'),
    });
    await send('berlin', {
      ...customer('Berlin Bakery Secret', 'DE', '10to50employees', 'Berlin'),
      ...needs('Azure Migrate', 'Ovens in the cloud.'),
    });
    await desk.service.idle();
  });
  afterAll(async () => {
    await desk?.stop();
    await store?.stop();
  });

  const list = async (query: string, who: Person = DANA) =>
    desk.tab.get(`/api/tab/referrals${query ? `?${query}` : ''}`, await desk.tokenFor(who));

  describe('who sees what', () => {
    it('shows a member of team A only team A’s referrals', async () => {
      const reply = await list('');
      expect(reply.status).toBe(200);
      expect(new Set(idsOf(reply))).toEqual(
        new Set(['redmond', 'busan', 'seoul', 'osaka', 'austin'].map((k) => ids[k])),
      );
      expect(reply.text).not.toContain('Berlin');
      const minas = await list('', MINA);
      expect(idsOf(minas)).toEqual([ids['berlin']]);
    });

    it('answers 404 with nothing of it to a member of team A asking for team B’s referral', async () => {
      const token = await desk.tokenFor(DANA);
      const berlin = ids['berlin']!;
      for (const reply of [
        await desk.tab.get(`/api/tab/referrals/${berlin}`, token),
        await desk.tab.post(`/api/tab/referrals/${berlin}/actions`, token, {
          verb: 'decline',
          version: 1,
          data: { reason: 'other' },
        }),
      ]) {
        expect(reply.status).toBe(404);
        expect(reply.body).toEqual({ error: { code: 'not-found', message: 'No such referral.' } });
        for (const word of ['Berlin', 'Bakery', 'Ovens', berlin, 'DE'])
          expect(reply.text).not.toContain(word);
      }
      expect(await desk.service.referrals.load(berlin)).toMatchObject({ status: 'New', version: 1 });
      // An id that does not exist answers the same.
      expect((await desk.tab.get('/api/tab/referrals/zzzzzzzzzzzz', token)).body).toEqual({
        error: { code: 'not-found', message: 'No such referral.' },
      });
      // Mina, in team B, may.
      expect((await desk.tab.get(`/api/tab/referrals/${berlin}`, await desk.tokenFor(MINA))).status).toBe(
        200,
      );
    });
  });

  describe('the list', () => {
    it('finds a referral by customer name, id prefix, solution and notes, whatever the case', async () => {
      expect(idsOf(await list('q=busan'))).toEqual([ids['busan']]);
      expect(idsOf(await list('q=REDMOND%20robotics'))).toEqual([ids['redmond']]);
      expect(idsOf(await list(`q=${ids['osaka']!.slice(0, 6)}`))).toEqual([ids['osaka']]);
      expect(idsOf(await list('q=security%20copilot'))).toEqual([ids['busan']]);
      expect(idsOf(await list('q=chip%20design'))).toEqual([ids['seoul']]);
      expect(idsOf(await list('q=bakery'))).toEqual([]);
    });

    it('narrows by country, size, channel, flame, owner and value, and counts each state over the rest', async () => {
      expect(new Set(idsOf(await list('country=KR')))).toEqual(new Set([ids['busan'], ids['seoul']]));
      expect(new Set(idsOf(await list('size=51to250employees')))).toEqual(
        new Set([ids['redmond'], ids['austin']]),
      );
      expect(idsOf(await list('size=10to50employees,251to1000employees&country=KR'))).toEqual([ids['busan']]);
      expect(idsOf(await list('flame=1'))).toEqual([ids['busan']]);
      // None of these five is a co-sell referral.
      expect(idsOf(await list('coSell=1'))).toEqual([]);
      expect((await list('coSell=0')).body.total).toBe(5);
      expect(idsOf(await list('owner=none&country=JP'))).toEqual([ids['osaka']]);
      expect(idsOf(await list('owner=me'))).toEqual([]);
      expect(idsOf(await list('minValue=1'))).toEqual([]);
      expect((await list('channel=19:general-sales@thread.tacv2')).body.total).toBe(5);
      expect((await list('channel=19:elsewhere@thread.tacv2')).body.total).toBe(0);
      const counted = await list('state=active&country=KR');
      expect(counted.body).toMatchObject({
        counts: { inbox: 2, active: 0, won: 0, lost: 0, declined: 0, expired: 0 },
        total: 0,
        items: [],
      });
    });

    it('sorts and pages', async () => {
      const byName = ['austin', 'busan', 'osaka', 'redmond', 'seoul'].map((k) => ids[k]);
      const first = await list('sort=customer&pageSize=2');
      expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(idsOf(first)).toEqual(byName.slice(0, 2));
      expect(idsOf(await list('sort=customer&pageSize=2&page=2'))).toEqual(byName.slice(2, 4));
      expect(idsOf(await list('sort=customer&pageSize=2&page=3'))).toEqual(byName.slice(4));
      expect(idsOf(await list('sort=customer&pageSize=2&page=4'))).toEqual([]);
      const received = idsOf(await list('sort=received'));
      expect(idsOf(await list('sort=-received'))).toEqual([...received].reverse());
      expect(received[0]).toBe(ids['redmond']);
    });

    it('shows each row as the contract says', async () => {
      const [row] = (await list('q=busan')).body.items;
      expect(row).toEqual({
        id: ids['busan'],
        shortId: ids['busan']!.slice(0, 6),
        name: 'Contoso Pharma — Azure landing zone',
        customer: 'Busan Biotech',
        state: 'inbox',
        substatus: expect.any(String),
        size: '251to1000employees',
        country: 'KR',
        city: 'Busan',
        solutions: ['Security Copilot'],
        industries: ['Manufacturing'],
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        respondBy: expect.any(String),
        expiresAt: expect.any(String),
        flame: 'hot',
        coSell: false,
        place: {
          teamId: '19:team-sales@thread.tacv2',
          channelId: '19:general-sales@thread.tacv2',
          channelName: 'General',
        },
        version: 1,
        // Written in the service's default language and zone when the call names none.
        shown: {
          size: t('en', 'size.251to1000employees'),
          receivedAt: expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2}, \d\d:\d\d UTC$/),
          respondBy: expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2}, \d\d:\d\d UTC$/),
        },
      });
    });

    it('writes each row’s times, money and size in the language and zone asked, and the page’s range', async () => {
      const reply = await list('q=busan&lang=ko&tz=Asia/Seoul');
      expect(reply.status).toBe(200);
      const [row] = reply.body.items;
      const seoulHour = (iso: string) => (new Date(iso).getUTCHours() + 9) % 24;
      expect(row.shown).toEqual({
        size: t('ko', 'size.251to1000employees'),
        receivedAt: expect.stringMatching(/^\d{1,2}월 \d{1,2}일 \d\d:\d\d KST$/),
        respondBy: expect.stringMatching(/^\d{1,2}월 \d{1,2}일 \d\d:\d\d KST$/),
      });
      expect(Number(row.shown.receivedAt.match(/ (\d\d):/)![1])).toBe(seoulHour(row.receivedAt));
      expect(reply.body.shown).toEqual({ from: '1', to: '1', total: '1' });
      const second = await list('sort=customer&pageSize=2&page=2');
      expect(second.body.shown).toEqual({ from: '3', to: '4', total: '5' });
    });

    it('writes the value, and the purchase date as the day it is, west of UTC too', async () => {
      const sent = await postReferral(
        desk.service,
        sampleReferralJson('kobe', {
          ...customer('Kobe Kitchens', 'JP', '10to50employees', 'Kobe'),
          ...needs('Fabric', 'Menus in the cloud.'),
        }),
      );
      expect(sent.status).toBe(201);
      await desk.service.idle();
      const accepted = await desk.service.referrals.apply(
        sent.id,
        {
          type: 'accept',
          input: { engagementName: 'Kobe', value: '120000', currency: 'USD', purchaseDate: '2027-03-15' },
        },
        { kind: 'user', id: DANA.aadObjectId, name: DANA.name },
      );
      expect(accepted.status).toBe('applied');
      const [row] = (await list('state=active&q=kobe&lang=en&tz=America/Los_Angeles')).body.items;
      expect(row.shown).toMatchObject({ value: '$120,000', purchaseBy: '15 Mar 2027' });
    });

    it('refuses a list asked in a zone that is none', async () => {
      const reply = await list('tz=Mars/Olympus');
      expect(reply.status).toBe(400);
      expect(reply.body.error.fields).toEqual([
        expect.objectContaining({ field: 'tz', code: 'not-a-time-zone' }),
      ]);
    });

    it('answers 400 naming each bad parameter', async () => {
      const reply = await list(
        'state=open&pageSize=500&size=huge&ageDays=-1&minValue=abc&sort=best&colour=red',
      );
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('bad-request');
      expect((reply.body.error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(
        ['ageDays', 'colour', 'minValue', 'pageSize', 'size', 'sort', 'state'].sort(),
      );
    });
  });

  describe('the detail', () => {
    it('has all the card shows, the full history and what the person may do now', async () => {
      const reply = await desk.tab.get(
        `/api/tab/referrals/${ids['seoul']}?lang=ko&tz=Asia/Seoul`,
        await desk.tokenFor(LEE),
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        id: ids['seoul'],
        customer: 'Seoul Semiconductors',
        contacts: [{ firstName: 'Ji-woo', lastName: 'Park', email: 'jiwoo.park@contoso-pharma.example' }],
        notes: 'Chip design workloads.',
        requirements: { solutions: ['Azure Migrate'], industries: ['Manufacturing'] },
        actions: ['accept', 'decline', 'assign'],
        assignees: expect.arrayContaining([{ id: DANA.aadObjectId, name: DANA.name }]),
        history: [{ kind: 'received', text: expect.stringContaining('접수'), at: expect.any(String) }].map(
          (h) => expect.objectContaining(h),
        ),
      });
      expect(reply.body.threadUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/message\//);
      expect(
        (await desk.tab.get(`/api/tab/referrals/${ids['seoul']}?tz=Mars/Olympus`, await desk.tokenFor(LEE)))
          .status,
      ).toBe(400);
    });
  });
});
