import type { INetworkModule } from '@azure/msal-node';
import {
  PARTNER_CENTER_SCOPE,
  fetchNetworkClient,
  msalTokenProvider,
} from '../../partner-center/token-provider';
import { PEER_TOKEN, startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';

const LOGIN = 'https://login.microsoftonline.com';
const TENANT = 'tenant-id';

/** MSAL's HTTP, sent to the peer's token endpoint instead of Azure AD. */
function toPeer(peer: PartnerCenterPeer): INetworkModule {
  const real = fetchNetworkClient();
  const redirect = (url: string) => url.replace(LOGIN, peer.apiUrl);
  return {
    sendGetRequestAsync: (url, options) => real.sendGetRequestAsync(redirect(url), options),
    sendPostRequestAsync: (url, options) => real.sendPostRequestAsync(redirect(url), options),
  };
}

const authorityMetadata = JSON.stringify({
  token_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/token`,
  authorization_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/authorize`,
  end_session_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/logout`,
  issuer: `${LOGIN}/${TENANT}/v2.0`,
  jwks_uri: `${LOGIN}/${TENANT}/discovery/v2.0/keys`,
});
const cloudDiscoveryMetadata = JSON.stringify({
  tenant_discovery_endpoint: `${LOGIN}/${TENANT}/v2.0/.well-known/openid-configuration`,
  'api-version': '1.1',
  metadata: [
    {
      preferred_network: 'login.microsoftonline.com',
      preferred_cache: 'login.windows.net',
      aliases: ['login.microsoftonline.com', 'login.windows.net'],
    },
  ],
});

describe('the Partner Center token provider', () => {
  let peer: PartnerCenterPeer;
  const clock = { now: new Date() };

  beforeAll(async () => {
    peer = await startPartnerCenterPeer();
  });
  afterAll(async () => {
    await peer?.close();
  });

  const provider = () =>
    msalTokenProvider(
      {
        clientId: 'app-id',
        tenantId: TENANT,
        refreshToken: 'configured-refresh-token',
        clientSecret: 'app-secret',
        authorityHost: 'https://login.microsoftonline.com',
      },
      { clock: () => clock.now, networkClient: toPeer(peer), authorityMetadata, cloudDiscoveryMetadata },
    );

  it('redeems the configured refresh token for an App+User token on Partner Center’s scope', async () => {
    const before = peer.tokenRequests.length;
    const getToken = provider();
    // The peer numbers the tokens it hands out.
    expect(await getToken()).toBe(`${PEER_TOKEN}-${before + 1}`);
    const request = peer.tokenRequests[before];
    expect(request?.get('grant_type')).toBe('refresh_token');
    expect(request?.get('refresh_token')).toBe('configured-refresh-token');
    expect(request?.get('scope')).toContain(PARTNER_CENTER_SCOPE);
  });

  it('keeps using the token until shortly before it expires, then renews with the rotated refresh token', async () => {
    const getToken = provider();
    const first = await getToken();
    const requests = peer.tokenRequests.length;
    clock.now = new Date(clock.now.getTime() + 50 * 60_000);
    expect(await getToken()).toBe(first);
    expect(peer.tokenRequests.length).toBe(requests);
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    const renewed = await getToken();
    expect(renewed).not.toBe(first);
    expect(peer.tokenRequests.at(-1)?.get('refresh_token')).toBe(`rotated-refresh-token-${requests}`);
  });

  it('asks once when many requests need a token at the same moment', async () => {
    const getToken = provider();
    const before = peer.tokenRequests.length;
    const tokens = await Promise.all(Array.from({ length: 5 }, () => getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(peer.tokenRequests.length - before).toBe(1);
  });
});
