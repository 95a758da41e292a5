import { generateKeyPair } from 'jose';
import { startTestService } from '../support/service';
import { startEntraPeer, type EntraPeer } from '../support/entra-peer';
import { startTestStore, type TestStore } from '../support/store';
import { startTabDesk, tabClient, TAB_APP_ID, TAB_HOST, type TabDesk } from '../support/tab-client';
import { DANA, TENANT_ID } from '../support/teams-client';

const HOUR = 3600;
const nowSeconds = () => Math.floor(new Date().getTime() / 1000);
const keyRequests = (entra: EntraPeer, tenantId = TENANT_ID) =>
  entra.requests.filter((path) => path === `/${tenantId}/discovery/v2.0/keys`).length;

describe('the tab API’s sign-in', () => {
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

  it('takes an Entra access token for the app from an allowed tenant, as the person the bot knows', async () => {
    const reply = await desk.tab.get('/api/tab/me', await desk.tokenFor(DANA));
    expect(reply.status).toBe(200);
    expect(reply.body.person).toEqual({
      aadObjectId: DANA.aadObjectId,
      name: DANA.name,
      tenantId: TENANT_ID,
    });
    expect(reply.body.teams).toEqual([
      expect.objectContaining({ teamId: '19:team-sales@thread.tacv2', name: 'Partner Sales', isAdmin: true }),
    ]);
    // The v1 issuer, the bot-and-tab audience form and the bare app id are Entra's too.
    for (const claims of [
      { iss: `https://sts.windows.net/${TENANT_ID}/` },
      { aud: `api://${TAB_HOST}/botid-${TAB_APP_ID}` },
      { aud: TAB_APP_ID },
    ])
      expect((await desk.tab.get('/api/tab/me', await desk.tokenFor(DANA, claims))).status).toBe(200);
  });

  it('reads a tenant’s keys once and keeps them', async () => {
    for (let i = 0; i < 3; i++) await desk.tab.get('/api/tab/me', await desk.tokenFor(DANA));
    expect(keyRequests(desk.entra)).toBe(1);
  });

  it.each([
    ['no token', async () => undefined, /Bearer/],
    ['a token that expired', async () => desk.tokenFor(DANA, { exp: nowSeconds() - HOUR }), /expired/],
    [
      'a token for another application',
      async () => desk.tokenFor(DANA, { aud: `api://${TAB_HOST}/11111111-2222-3333-4444-555555555555` }),
      /audience/,
    ],
    [
      'a token from a tenant not served',
      async () => desk.tokenFor(DANA, { tid: 'tenant-fabrikam' }),
      /tenant this service does not serve/,
    ],
    ['a token from another issuer', async () => desk.tokenFor(DANA, { iss: 'https://evil.example/' }), /iss/],
    [
      'a token signed with another key',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return desk.entra.sign(
          { tid: TENANT_ID, oid: DANA.aadObjectId },
          { appId: TAB_APP_ID, host: TAB_HOST, key: privateKey },
        );
      },
      /signature/,
    ],
    ['a token with no person', async () => desk.tokenFor(DANA, { oid: undefined }), /oid/],
    ['a token for another scope', async () => desk.tokenFor(DANA, { scp: 'User.Read' }), /access_as_user/],
    ['not a token at all', async () => 'not-a-jwt', /not a JWT/],
  ])('answers 401 to %s, and says nothing else', async (_what, token, reason) => {
    const given = await token();
    const reply = await desk.tab.get('/api/tab/referrals', given);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(reply.body).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(reason) } });
    if (given) expect(reply.text).not.toContain(given);
  });

  it('never fetches keys for a tenant it does not serve', async () => {
    await desk.tab.get('/api/tab/me', await desk.tokenFor(DANA, { tid: 'tenant-fabrikam' }));
    expect(keyRequests(desk.entra, 'tenant-fabrikam')).toBe(0);
  });

  it('signs people in as the Playground’s people in local mode', async () => {
    const people = await desk.tab.get('/api/tab/dev/people');
    expect(people.status).toBe(200);
    expect(people.body.people).toEqual([
      { aadObjectId: DANA.aadObjectId, name: DANA.name, tenantId: TENANT_ID },
      { aadObjectId: 'aad-lee', name: 'Lee Park', tenantId: TENANT_ID },
    ]);
    const issued = await desk.tab.post('/api/tab/dev/token', undefined, { aadObjectId: DANA.aadObjectId });
    expect(issued.status).toBe(200);
    const me = await desk.tab.get('/api/tab/me', issued.body.token);
    expect(me.body.person).toEqual({ aadObjectId: DANA.aadObjectId, name: DANA.name, tenantId: TENANT_ID });
    expect((await desk.tab.post('/api/tab/dev/token', undefined, {})).status).toBe(400);
  });

  describe('in production', () => {
    it('refuses a dev token, has no dev endpoints, and takes Entra’s tokens', async () => {
      const entra = await startEntraPeer();
      const service = await startTestService(store.uri, { env: { ENTRA_AUTHORITY_HOST: entra.url } });
      try {
        const tab = tabClient(service.url);
        const dev = (await desk.tab.post('/api/tab/dev/token', undefined, { aadObjectId: DANA.aadObjectId }))
          .body.token as string;
        const refused = await tab.get('/api/tab/me', dev);
        expect(refused.status).toBe(401);
        expect(refused.body.error.message).toMatch(/Dev tokens are not accepted/);
        expect((await tab.get('/api/tab/dev/people')).status).toBe(404);
        expect(
          (await tab.post('/api/tab/dev/token', undefined, { aadObjectId: DANA.aadObjectId })).status,
        ).toBe(404);
        const token = await entra.sign(
          { tid: TENANT_ID, oid: DANA.aadObjectId, name: DANA.name },
          { appId: '00000000-0000-0000-0000-000000000001', host: TAB_HOST },
        );
        const me = await tab.get('/api/tab/me', token);
        expect(me.status).toBe(200);
        // Nobody installed the bot in this fresh database: a person of no team sees no team.
        expect(me.body.teams).toEqual([]);
      } finally {
        await service.stop();
        await entra.close();
      }
    });
  });
});
