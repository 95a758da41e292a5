import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusedTurnClients } from '../../bot/reused-turn-clients';

// The Bot Framework's own authentication, as bot/adapter.ts builds it, in local mode (no app id) and with one.
const authentication = (appId = '') =>
  new ReusedTurnClients(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appId ? 'not-a-real-secret' : '',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
    }),
  );
const activity = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'msteams', serviceUrl, text: 'inbox' }) as Activity;
const TEAMS = 'https://smba.trafficmanager.net/emea/';
const OTHER_REGION = 'https://smba.trafficmanager.net/amer/';

describe('the Bot Framework clients a turn gets', () => {
  it('are made once per service URL and reused by the turns after', async () => {
    const auth = authentication();
    const client = async (serviceUrl: string) => {
      const result = await auth.authenticateRequest(activity(serviceUrl), '');
      return result.connectorFactory!.create(serviceUrl, result.audience);
    };
    const first = await client(TEAMS);
    expect(await client(TEAMS)).toBe(first);
    const elsewhere = await client(OTHER_REGION);
    expect(elsewhere).not.toBe(first);
    const identity = (await auth.authenticateRequest(activity(TEAMS), '')).claimsIdentity;
    expect(await auth.createUserTokenClient(identity)).toBe(await auth.createUserTokenClient(identity));
  });

  it('still authenticate every request: one without a token is refused when the bot has an app id', async () => {
    const auth = authentication('00000000-0000-0000-0000-000000000001');
    await expect(auth.authenticateRequest(activity(TEAMS), '')).rejects.toThrow();
    await expect(auth.authenticateRequest(activity(TEAMS), 'Bearer not.a.token')).rejects.toThrow();
  });
});
