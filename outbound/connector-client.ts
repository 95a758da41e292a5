import { systemClock, type Clock } from '../platform/clock';
import { retryAfterMs } from '../platform/retry-after';

/** A message the bot sends: text and/or an Adaptive Card, as the Bot Connector API takes it. */
export interface OutgoingActivity {
  type: 'message';
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
  entities?: unknown[];
  channelData?: unknown;
}

/** A roster entry, as the Bot Connector sends it. */
export interface RosterMember {
  id: string;
  aadObjectId?: string;
  objectId?: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
  userRole?: string;
}

export interface PostedActivity {
  conversationId: string;
  activityId: string;
}

/**
 * The Bot Connector REST API (v3), one attempt per call. botbuilder's own client retries POSTs inside its HTTP
 * pipeline, which can post a card twice; here every retry is the caller's, behind an exactly-once record.
 */
export interface ConnectorClient {
  /** A new thread in a Teams channel; its conversation id is `<channel>;messageid=<activityId>`. */
  createChannelThread(
    serviceUrl: string,
    target: { tenantId: string; channelId: string; botId?: string },
    activity: OutgoingActivity,
  ): Promise<PostedActivity>;
  replyInThread(
    serviceUrl: string,
    conversationId: string,
    replyToId: string,
    activity: OutgoingActivity,
  ): Promise<PostedActivity>;
  sendToConversation(
    serviceUrl: string,
    conversationId: string,
    activity: OutgoingActivity,
  ): Promise<PostedActivity>;
  /**
   * One page of a conversation's roster (for a team: the team id); loop while `continuationToken` comes back.
   * Members are read as Teams sends them, the Entra object id under `aadObjectId` or `objectId`.
   */
  getPagedMembers(
    serviceUrl: string,
    conversationId: string,
    continuationToken?: string,
  ): Promise<{ members: RosterMember[]; continuationToken?: string }>;
  /** Opens (or finds) the bot's personal chat with a user, by their Teams id; its conversation id comes back. */
  createPersonalChat(
    serviceUrl: string,
    target: { tenantId: string; userId: string; botId?: string },
  ): Promise<string>;
  /** Replaces a posted activity; idempotent, so safe to retry. */
  updateActivity(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void>;
}

/** A failed connector call; `isRetryable` says whether the same call may be tried again later. */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  get isRetryable(): boolean {
    // Teams documents 412/502/503/504 as transient and 429 as throttling; no status means the network failed.
    return this.status === undefined || [412, 429, 502, 503, 504].includes(this.status);
  }
}

/** How long one Bot Connector request may take before it is abandoned. */
export const CONNECTOR_TIMEOUT_MS = 15_000;

export interface ConnectorClientOptions {
  /** No token (local mode, Agents Playground) sends no Authorization header. */
  getToken?: (serviceUrl: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Only for a `Retry-After` date when the reply carries no `Date` header to measure it against. */
  clock?: Clock;
}

export function adaptiveCardActivity(
  card: object,
  options: { summary?: string; entities?: unknown[] } = {},
): OutgoingActivity {
  return {
    type: 'message',
    summary: options.summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    ...(options.entities ? { entities: options.entities } : {}),
  };
}

export function createConnectorClient(options: ConnectorClientOptions = {}): ConnectorClient {
  const timeoutMs = options.timeoutMs ?? CONNECTOR_TIMEOUT_MS;
  const send = options.fetch ?? fetch;
  const clock = options.clock ?? systemClock;

  async function call(method: 'GET' | 'POST' | 'PUT', serviceUrl: string, path: string, body?: unknown) {
    const url = `${serviceUrl.replace(/\/+$/, '')}${path}`;
    const token = await options.getToken?.(serviceUrl);
    let res: Response;
    let text: string;
    try {
      res = await send(url, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (error) {
      throw new ConnectorError(`${method} ${path}: ${(error as Error).message}`, undefined);
    }
    const json = parseJson(text);
    if (!res.ok) {
      const code = (json as { error?: { code?: string } } | undefined)?.error?.code;
      throw new ConnectorError(
        `${method} ${path}: HTTP ${res.status}${code ? ` ${code}` : ''}`,
        res.status,
        retryAfterMs(res.headers, clock()),
        code,
      );
    }
    return (json ?? {}) as {
      id?: string;
      activityId?: string;
      members?: RosterMember[];
      continuationToken?: string;
    };
  }

  const conversationPath = (id: string) => `/v3/conversations/${encodeURIComponent(id)}/activities`;

  return {
    async createChannelThread(serviceUrl, target, activity) {
      const reply = await call('POST', serviceUrl, '/v3/conversations', {
        isGroup: true,
        channelData: { channel: { id: target.channelId }, tenant: { id: target.tenantId } },
        tenantId: target.tenantId,
        ...(target.botId ? { bot: { id: target.botId } } : {}),
        activity,
      });
      const conversationId = reply.id ?? '';
      const activityId = reply.activityId ?? /;messageid=(.+)$/.exec(conversationId)?.[1] ?? '';
      if (!conversationId || !activityId) throw new ConnectorError('create thread: no ids in reply', 200);
      return { conversationId, activityId };
    },
    async replyInThread(serviceUrl, conversationId, replyToId, activity) {
      const path = `${conversationPath(conversationId)}/${encodeURIComponent(replyToId)}`;
      const reply = await call('POST', serviceUrl, path, { ...activity, replyToId });
      return { conversationId, activityId: reply.id ?? '' };
    },
    async sendToConversation(serviceUrl, conversationId, activity) {
      const reply = await call('POST', serviceUrl, conversationPath(conversationId), activity);
      return { conversationId, activityId: reply.id ?? '' };
    },
    async getPagedMembers(serviceUrl, conversationId, continuationToken) {
      // 500 is the largest page Teams serves.
      const query = `?pageSize=500${continuationToken ? `&continuationToken=${encodeURIComponent(continuationToken)}` : ''}`;
      const reply = await call(
        'GET',
        serviceUrl,
        `/v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers${query}`,
      );
      return {
        members: reply.members ?? [],
        ...(reply.continuationToken ? { continuationToken: reply.continuationToken } : {}),
      };
    },
    async createPersonalChat(serviceUrl, target) {
      const reply = await call('POST', serviceUrl, '/v3/conversations', {
        isGroup: false,
        members: [{ id: target.userId }],
        tenantId: target.tenantId,
        channelData: { tenant: { id: target.tenantId } },
        ...(target.botId ? { bot: { id: target.botId } } : {}),
      });
      if (!reply.id) throw new ConnectorError('create personal chat: no id in reply', 200);
      return reply.id;
    },
    async updateActivity(serviceUrl, conversationId, activityId, activity) {
      const path = `${conversationPath(conversationId)}/${encodeURIComponent(activityId)}`;
      await call('PUT', serviceUrl, path, { ...activity, id: activityId });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
