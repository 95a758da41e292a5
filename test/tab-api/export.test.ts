import { CSV_COLUMNS } from '../../core/pipeline-csv';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { startTabDesk, type TabDesk } from '../support/tab-client';
import { DANA } from '../support/teams-client';

const HOUR_MS = 3_600_000;

/** A spec's own clock: the referrals arrive at 09:00 and the spec moves time on. */
function movableClock(start: Date) {
  let now = start.getTime();
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('the CSV export and the insights', () => {
  let store: TestStore;
  let desk: TabDesk;
  const time = movableClock(new Date('2026-11-20T09:00:00Z'));
  const ids: Record<string, string> = {};

  const solutionOf = (name: string, industry: string) => ({
    details: {
      notes: 'Notes.',
      requirements: { industries: [industry], products: [], services: [], solutions: [{ id: name, name }] },
      customerRequestedContact: false,
    },
  });

  beforeAll(async () => {
    store = await startTestStore();
    desk = await startTabDesk(store, { clock: time.clock });
    await desk.teams.installInTeam(DANA);
    const send = async (key: string, json: Record<string, unknown>) => {
      ids[key] = (await postReferral(desk.service, sampleReferralJson(key, json))).id;
    };
    // By hand, five referrals received at 09:00 on 20 November:
    //  won:      accepted after 1 h (on time), won 90,000 USD — Azure / Healthcare
    //  active:   accepted after 2 h (on time), 40,000 USD estimated for February 2027 — Azure / Retail
    //  declined: declined after 30 h (late) — Security / Retail
    //  late:     never answered, past its 24 h — Security / Healthcare
    //  pending:  received 20 h later (05:00 on the 21st), inside its window at the end — Fabric / Retail
    await send('won', { ...solutionOf('Azure', 'Healthcare') });
    await send('active', { ...solutionOf('Azure', 'Retail') });
    await send('declined', {
      customerProfile: { name: '=HYPERLINK("http://evil.example","click")', address: { country: 'KR' } },
      ...solutionOf('Security', 'Retail'),
    });
    await send('late', {
      customerProfile: { name: '부산 바이오텍, 주식회사', address: { city: '부산', country: 'KR' } },
      ...solutionOf('Security', 'Healthcare'),
    });
    await desk.service.idle();
    const act = async (key: string, body: unknown) => {
      const reply = await desk.tab.post(
        `/api/tab/referrals/${ids[key]}/actions`,
        await desk.tokenFor(DANA),
        body,
      );
      expect(reply.status).toBe(200);
      return reply.body.referral as { version: number };
    };
    const accept = (value: string, purchaseDate: string) => ({
      engagementName: 'Deal',
      value,
      currency: 'USD',
      purchaseDate,
      notes: '',
      crmId: '',
    });
    time.advance(HOUR_MS);
    await act('won', { verb: 'accept', version: 1, data: accept('80000', '2027-01-10') });
    time.advance(HOUR_MS);
    await act('active', { verb: 'accept', version: 1, data: accept('40000', '2027-02-15') });
    await act('won', {
      verb: 'won',
      version: 2,
      data: { notes: 'Signed', dealValue: '90000', dealCurrency: 'USD', dealClosedOn: '2026-11-20' },
    });
    time.advance(18 * HOUR_MS);
    await send('pending', { ...solutionOf('Fabric', 'Retail') });
    time.advance(10 * HOUR_MS);
    await act('declined', { verb: 'decline', version: 1, data: { reason: 'not-a-customer', notes: '' } });
    await desk.service.idle();
  });
  afterAll(async () => {
    await desk?.stop();
    await store?.stop();
  });

  it('counts the funnel, response against 24 h, win rate and value by solution and industry, and the pipeline', async () => {
    const reply = await desk.tab.get('/api/tab/insights', await desk.tokenFor(DANA));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      funnel: { received: 5, answered: 3, accepted: 2, won: 1 },
      response: { onTime: 2, late: 2, pending: 1, medianHours: 2 },
      bySolution: [
        { name: 'Azure', received: 2, accepted: 2, won: 1, lost: 0, winRate: 1, wonValue: 90000 },
        { name: 'Security', received: 2, accepted: 0, won: 0, lost: 0, wonValue: 0 },
        { name: 'Fabric', received: 1, accepted: 0, won: 0, lost: 0, wonValue: 0 },
      ],
      byIndustry: [
        { name: 'Retail', received: 3, accepted: 1, won: 0, lost: 0, wonValue: 0 },
        { name: 'Healthcare', received: 2, accepted: 1, won: 1, lost: 0, winRate: 1, wonValue: 90000 },
      ],
      pipelineByMonth: [{ month: '2027-02', count: 1, value: 40000 }],
      pipelineUndated: { count: 0, value: 0 },
      currency: 'USD',
      otherCurrencies: 0,
    });
    // The filters apply: Retail's Security one alone.
    const narrowed = await desk.tab.get(
      '/api/tab/insights?q=security&state=declined',
      await desk.tokenFor(DANA),
    );
    expect(narrowed.body.funnel).toEqual({ received: 1, answered: 1, accepted: 0, won: 0 });
  });

  it('exports what the filter shows as UTF-8 with a BOM, Partner Center’s columns and no formula', async () => {
    const res = await fetch(`${desk.service.url}/api/tab/referrals.csv?sort=customer`, {
      headers: { authorization: `Bearer ${await desk.tokenFor(DANA)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="referrals-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain('"부산 바이오텍, 주식회사",');
    const declined = lines.find((line) => line.startsWith(ids['declined']!))!;
    expect(declined).toContain(',Closed,not-a-customer,Declined,');
    const won = lines.find((line) => line.startsWith(ids['won']!))!;
    expect(won).toContain(',USD,90000,Closed,,Won,');
    // Only what the filter shows.
    const filtered = await desk.tab.get('/api/tab/referrals.csv?state=active', await desk.tokenFor(DANA));
    expect(filtered.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect((await desk.tab.get('/api/tab/referrals.csv')).status).toBe(401);
  });
});
