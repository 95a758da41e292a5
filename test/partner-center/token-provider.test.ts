import { randomBytes } from 'node:crypto';
import {
  PARTNER_CENTER_SCOPE,
  msalTokenProvider,
  type TokenProviderOptions,
} from '../../partner-center/token-provider';
import { PEER_TOKEN, startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { partnerCenterSignIn, PARTNER_CENTER_SIGN_IN } from '../../storage/partner-center-sign-in';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { authorityMetadata, cloudDiscoveryMetadata, TENANT, toPeer } from '../support/msal-to-peer';

describe('the Partner Center token provider', () => {
  let peer: PartnerCenterPeer;
  const clock = { now: new Date() };

  beforeAll(async () => {
    peer = await startPartnerCenterPeer();
  });
  afterAll(async () => {
    await peer?.close();
  });

  const provider = (
    extra: Pick<TokenProviderOptions, 'kept' | 'onSignIn'> = {},
    refreshToken = 'configured-refresh-token',
  ) =>
    msalTokenProvider(
      {
        clientId: 'app-id',
        tenantId: TENANT,
        refreshToken,
        clientSecret: 'app-secret',
        authorityHost: 'https://login.microsoftonline.com',
      },
      {
        clock: () => clock.now,
        networkClient: toPeer(peer),
        authorityMetadata,
        cloudDiscoveryMetadata,
        ...extra,
      },
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

  describe('across a restart', () => {
    let store: TestStore;
    let connection: StoreConnection;
    const key = randomBytes(32);

    beforeAll(async () => {
      store = await startTestStore();
    });
    beforeEach(async () => {
      connection = await connectStore(store.uri, freshDatabase('pc-sign-in'), 5000);
    });
    afterEach(async () => {
      await connection?.close();
    });
    afterAll(async () => {
      await store?.stop();
    });

    it('signs in with the refresh token Entra ID rotated to, not the configured one, kept encrypted', async () => {
      const kept = partnerCenterSignIn(connection.db, key);
      await provider({ kept })();
      const rotated = peer.tokenRequests.at(-1) && `rotated-refresh-token-${peer.tokenRequests.length}`;
      expect(peer.tokenRequests.at(-1)?.get('refresh_token')).toBe('configured-refresh-token');
      // What the store holds names neither token.
      const doc = JSON.stringify(await connection.db.collection(PARTNER_CENTER_SIGN_IN).findOne({}));
      expect(doc).not.toContain('rotated-refresh-token');
      expect(doc).not.toContain('configured-refresh-token');
      // The restart: a new process, its memory empty, the same store and key.
      await provider({ kept: partnerCenterSignIn(connection.db, key) })();
      expect(peer.tokenRequests.at(-1)?.get('refresh_token')).toBe(rotated);
      expect(await kept.lastSignedInAt()).toEqual(clock.now);
    });

    it('uses a newly configured refresh token over the stored one, and the configured one under another key', async () => {
      await provider({ kept: partnerCenterSignIn(connection.db, key) })();
      await provider({ kept: partnerCenterSignIn(connection.db, key) }, 'new-configured-token')();
      expect(peer.tokenRequests.at(-1)?.get('refresh_token')).toBe('new-configured-token');
      await provider({ kept: partnerCenterSignIn(connection.db, randomBytes(32)) }, 'new-configured-token')();
      expect(peer.tokenRequests.at(-1)?.get('refresh_token')).toBe('new-configured-token');
    });
  });
});
