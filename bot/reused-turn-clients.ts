import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { LruCache } from '../storage/lru-cache';

// Service URLs are few (one per Teams region the bot is used from); the bound only keeps a stream of forged ones
// (local mode checks none) from growing the map.
const KEPT = 100;

/**
 * The Bot Framework's authentication, with the clients it makes for a turn kept and reused. CloudAdapter asks for a
 * new Bot Connector client and a new user-token client on every activity, each with its own HTTP pipeline and
 * credentials (about 0.3 ms of a click's CPU). Neither holds anything of the turn, so one per app id, service URL
 * and audience serves every turn; the requests are still authenticated one by one by `inner`.
 */
export class ReusedTurnClients extends BotFrameworkAuthentication {
  private readonly connectors = new LruCache<string, Promise<ConnectorClient>>(KEPT);
  private readonly userTokenClients = new LruCache<string, Promise<UserTokenClient>>(KEPT);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusingFactory(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.userTokenClients, appIdOf(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory, claimsIdentity } = result;
    if (!connectorFactory) return result;
    return { ...result, connectorFactory: this.reusingFactory(connectorFactory, claimsIdentity) };
  }

  private reusingFactory(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl, audience) =>
        kept(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}

const appIdOf = (claimsIdentity: ClaimsIdentity) =>
  JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';

/** The client kept under `key`, or a new one; one that could not be made is not kept, so the next turn tries again. */
function kept<T>(cache: LruCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const held = cache.get(key);
  if (held) return held;
  const made = make();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}
