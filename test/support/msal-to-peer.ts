// MSAL pointed at the Partner Center peer's token endpoint instead of Entra ID: its HTTP redirected, its authority
// described up front (so it discovers nothing on the network).
import type { INetworkModule } from '@azure/msal-node';
import { fetchNetworkClient } from '../../partner-center/token-provider';
import type { PartnerCenterPeer } from './partner-center-peer';

export const LOGIN = 'https://login.microsoftonline.com';
export const TENANT = 'tenant-id';

export function toPeer(peer: PartnerCenterPeer): INetworkModule {
  const real = fetchNetworkClient();
  const redirect = (url: string) => url.replace(LOGIN, peer.apiUrl);
  return {
    sendGetRequestAsync: (url, options) => real.sendGetRequestAsync(redirect(url), options),
    sendPostRequestAsync: (url, options) => real.sendPostRequestAsync(redirect(url), options),
  };
}

export const authorityMetadata = JSON.stringify({
  token_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/token`,
  authorization_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/authorize`,
  end_session_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/logout`,
  issuer: `${LOGIN}/${TENANT}/v2.0`,
  jwks_uri: `${LOGIN}/${TENANT}/discovery/v2.0/keys`,
});

export const cloudDiscoveryMetadata = JSON.stringify({
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
