import { adaptiveCardActivity, ConnectorError, createConnectorClient } from '../../outbound/connector-client';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';

const CHANNEL = '19:general@thread.tacv2';
const TARGET = { tenantId: 'tenant-1', channelId: CHANNEL, botId: '28:bot' };
const card = (title: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: title }],
});

/** Stands in for `fetch` where the local peer cannot answer the way Teams sometimes does. */
const answering =
  (status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers });

async function failureOf(call: Promise<unknown>): Promise<ConnectorError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('Bot Connector client', () => {
  let peer: ConnectorPeer;
  beforeAll(async () => {
    peer = await startConnectorPeer();
  });
  afterAll(async () => {
    await peer?.close();
  });

  it('opens a new channel thread with the card and learns the thread’s conversation id', async () => {
    const connector = createConnectorClient();
    const posted = await connector.createChannelThread(
      peer.url,
      TARGET,
      adaptiveCardActivity(card('New referral: Contoso'), { summary: 'Contoso' }),
    );
    expect(posted.conversationId).toBe(`${CHANNEL};messageid=${posted.activityId}`);
    expect(peer.threads).toContainEqual(
      expect.objectContaining({ channelId: CHANNEL, activityId: posted.activityId }),
    );
    expect(peer.cards()).toContainEqual(card('New referral: Contoso'));
  });

  it('replies in the thread, posts to a conversation and updates a card in place, across awkward ids', async () => {
    const connector = createConnectorClient();
    const thread = await connector.createChannelThread(peer.url, TARGET, adaptiveCardActivity(card('v1')));
    const reply = await connector.replyInThread(peer.url, thread.conversationId, thread.activityId, {
      type: 'message',
      text: 'Reminder: 24 h left',
    });
    await connector.sendToConversation(peer.url, 'a:1:personal@chat', { type: 'message', text: 'Digest' });
    await connector.updateActivity(
      peer.url,
      thread.conversationId,
      thread.activityId,
      adaptiveCardActivity(card('v2')),
    );

    expect(reply.conversationId).toBe(thread.conversationId);
    expect(peer.replies).toContainEqual(
      expect.objectContaining({
        conversationId: thread.conversationId,
        replyToId: thread.activityId,
        activityId: reply.activityId,
      }),
    );
    expect(peer.messages).toContainEqual(expect.objectContaining({ conversationId: 'a:1:personal@chat' }));
    const update = peer.updates.find((u) => u.activityId === thread.activityId);
    expect(update?.conversationId).toBe(thread.conversationId);
    expect(update?.activity['attachments']).toEqual([
      { contentType: 'application/vnd.microsoft.card.adaptive', content: card('v2') },
    ]);
  });

  it('signs requests only when there is a token', async () => {
    const signed = createConnectorClient({ getToken: async () => 'token-1' });
    const unsigned = createConnectorClient({ getToken: async () => undefined });
    await signed.sendToConversation(peer.url, 'c-signed', { type: 'message', text: 'a' });
    await unsigned.sendToConversation(peer.url, 'c-unsigned', { type: 'message', text: 'b' });
    const authorizationTo = (id: string) =>
      peer.received.find((r) => r.path.includes(encodeURIComponent(id)))?.authorization;
    expect(authorizationTo('c-signed')).toBe('Bearer token-1');
    expect(authorizationTo('c-unsigned')).toBeUndefined();
  });

  it('takes the thread’s activity id from its conversation id when Teams leaves it out', async () => {
    const connector = createConnectorClient({
      fetch: answering(201, { id: `${CHANNEL};messageid=1732500000000` }),
    });
    expect(await connector.createChannelThread('https://smba.example', TARGET, { type: 'message' })).toEqual({
      conversationId: `${CHANNEL};messageid=1732500000000`,
      activityId: '1732500000000',
    });
  });

  it('reports throttling as retryable, with how long Teams asked to wait and its error code', async () => {
    const throttled = await startConnectorPeer({ faults: { rate429: 1, retryAfterSeconds: 7 } });
    try {
      const error = await failureOf(
        createConnectorClient().sendToConversation(throttled.url, 'c', { type: 'message', text: 'x' }),
      );
      expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, code: 'TooManyRequests' });
      expect(error.isRetryable).toBe(true);
      expect(throttled.messages).toHaveLength(0);
    } finally {
      await throttled.close();
    }
  });

  it('reads a Retry-After date against the reply’s own Date', async () => {
    const connector = createConnectorClient({
      fetch: answering(
        429,
        {},
        { 'retry-after': 'Wed, 25 Nov 2026 09:00:30 GMT', date: 'Wed, 25 Nov 2026 09:00:00 GMT' },
      ),
    });
    const error = await failureOf(
      connector.sendToConversation('https://smba.example', 'c', { type: 'message' }),
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('reports server errors as retryable and refusals as final', async () => {
    const flaky = await startConnectorPeer({ faults: { rate5xx: 1 } });
    try {
      const connector = createConnectorClient();
      const outage = await failureOf(connector.sendToConversation(flaky.url, 'c', { type: 'message' }));
      expect([502, 503, 504]).toContain(outage.status);
      expect(outage.isRetryable).toBe(true);
      const missing = await failureOf(
        connector.sendToConversation(`${peer.url}/no-such-service`, 'c', { type: 'message' }),
      );
      expect(missing).toMatchObject({ status: 404, code: 'NotFound', isRetryable: false });
      const forbidden = await failureOf(
        createConnectorClient({
          fetch: answering(403, { error: { code: 'BotNotInConversationRoster' } }),
        }).sendToConversation('https://smba.example', 'c', { type: 'message' }),
      );
      expect(forbidden).toMatchObject({
        status: 403,
        code: 'BotNotInConversationRoster',
        isRetryable: false,
      });
    } finally {
      await flaky.close();
    }
  });

  it('reports an unreachable service as a retryable network failure', async () => {
    const gone = await startConnectorPeer();
    await gone.close();
    const error = await failureOf(
      createConnectorClient().sendToConversation(gone.url, 'c', { type: 'message', text: 'x' }),
    );
    expect(error.status).toBeUndefined();
    expect(error.isRetryable).toBe(true);
  });
});
