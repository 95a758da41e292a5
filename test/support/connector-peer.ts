import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DANA, LEE } from './teams-client';

export interface PeerFaults {
  /** Share of requests answered 429 with Retry-After, 0..1. */
  rate429?: number;
  /** Share of requests answered 502/503/504, 0..1. */
  rate5xx?: number;
  retryAfterSeconds?: number;
  seed?: number;
}

/** Someone in a team's roster, as the Bot Connector lists them (`GET /v3/conversations/{team}/pagedmembers`). */
export interface RosterEntry {
  id: string;
  aadObjectId: string;
  name: string;
  userRole?: string;
}

export interface RecordedActivity {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

/**
 * Where a request is held while a spec does something (kills the bot): `before-answer` while Teams holds it,
 * unanswered, and it then never lands (the connection broke before Teams kept it); `after-answer` once it landed
 * and its answer went out.
 */
export type Interception = 'before-answer' | 'after-answer';

/** A local stand-in for the Bot Connector REST API (v3), recording what lands. */
export interface ConnectorPeer {
  url: string;
  threads: (RecordedActivity & { channelId: string })[];
  replies: (RecordedActivity & { replyToId: string })[];
  messages: RecordedActivity[];
  updates: RecordedActivity[];
  /** Personal chats the bot opened (proactive 1:1), by the Teams id of the person. */
  personalChats: Map<string, string>;
  /** Every team's roster, by team id; a team not listed has `defaultRoster`. */
  rosters: Map<string, RosterEntry[]>;
  defaultRoster: RosterEntry[];
  /** Every request that arrived, faulted or not, with the Authorization header it carried. */
  received: { method: string; path: string; authorization?: string }[];
  /** How many requests arrived, faulted or not. */
  readonly requests: number;
  /** How many were answered 429 or 5xx (and so never landed). */
  faulted: number;
  /** Threads whose opening activity mentions `text` anywhere (a referral's id is in its card's actions). */
  threadsWith(text: string): (RecordedActivity & { channelId: string })[];
  /** Adaptive Card contents of every thread, reply and message, in arrival order. */
  cards(): Record<string, unknown>[];
  /** Plain texts of every reply and message. */
  texts(): string[];
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  /**
   * Runs `then` at `at` of the next request `matches` accepts (it sees the parsed body); resolves once it ran.
   * One at a time.
   */
  interceptNext(
    matches: (request: { method: string; path: string; body: Record<string, unknown> }) => boolean,
    at: Interception,
    then: () => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Mulberry32: a tiny seeded PRNG, so a fault pattern is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startConnectorPeer(
  options: { faults?: PeerFaults; roster?: RosterEntry[] } = {},
): Promise<ConnectorPeer> {
  const faults = options.faults ?? {};
  const random = seeded(faults.seed ?? 42);
  const arrivals: { kind: 'card' | 'text'; value: unknown }[] = [];
  let counter = 0;
  let intercepting:
    | { matches: Parameters<ConnectorPeer['interceptNext']>[0]; at: Interception; then: () => void }
    | undefined;
  const nextId = () => `${Date.UTC(2026, 0, 1) + ++counter}`;

  const peer: ConnectorPeer = {
    url: '',
    threads: [],
    replies: [],
    messages: [],
    updates: [],
    personalChats: new Map(),
    rosters: new Map(),
    // Teams' roster of the test team: the two sellers the specs play (teams-client.ts).
    defaultRoster:
      options.roster ?? [DANA, LEE].map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name })),
    received: [],
    get requests() {
      return peer.received.length;
    },
    faulted: 0,
    threadsWith: (text) => peer.threads.filter((thread) => JSON.stringify(thread.activity).includes(text)),
    cards: () => arrivals.filter((a) => a.kind === 'card').map((a) => a.value as Record<string, unknown>),
    texts: () => arrivals.filter((a) => a.kind === 'text').map((a) => a.value as string),
    async waitFor(condition, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      while (!condition()) {
        if (performance.now() > deadline) throw new Error('connector peer: condition not met in time');
        await new Promise((done) => setTimeout(done, 10));
      }
    },
    interceptNext(matches, at, then) {
      if (intercepting) throw new Error('connector peer: already intercepting a request');
      return new Promise<void>((done) => {
        intercepting = {
          matches,
          at,
          then: () => {
            then();
            done();
          },
        };
      });
    },
    close: () => new Promise((done) => server.close(() => done())),
  };

  function record(activity: Record<string, unknown>) {
    const attachments = (activity['attachments'] ?? []) as { content?: unknown }[];
    for (const attachment of attachments) arrivals.push({ kind: 'card', value: attachment.content });
    if (typeof activity['text'] === 'string' && attachments.length === 0)
      arrivals.push({ kind: 'text', value: activity['text'] });
  }

  function fault(res: ServerResponse): boolean {
    const roll = random();
    if (roll < (faults.rate429 ?? 0)) {
      res.writeHead(429, {
        'retry-after': String(faults.retryAfterSeconds ?? 1),
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'throttled' } }));
    } else if (roll < (faults.rate429 ?? 0) + (faults.rate5xx ?? 0)) {
      res.writeHead([502, 503, 504][Math.floor(random() * 3)]!, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'try later' } }));
    } else return false;
    peer.faulted++;
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    const path = (req.url ?? '').split('?')[0]!;
    peer.received.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
    if (intercepting?.matches({ method: req.method ?? '', path, body })) {
      const { at, then } = intercepting;
      intercepting = undefined;
      if (at === 'before-answer') {
        then();
        res.socket?.destroy();
        return;
      }
      res.once('finish', then);
    }
    // Faults are decided before anything is recorded: a refused request never lands.
    if (fault(res)) return;
    const parts = path.split('/').map(decodeURIComponent);
    const reply = (value: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'GET' && parts[4] === 'pagedmembers') {
      const members = peer.rosters.get(parts[3]!) ?? peer.defaultRoster;
      return reply({ members });
    }
    if (req.method === 'POST' && path === '/v3/conversations' && body['isGroup'] === false) {
      const member = (body['members'] as { id?: string }[] | undefined)?.[0]?.id ?? '';
      const conversationId = peer.personalChats.get(member) ?? `a:personal-${member}`;
      peer.personalChats.set(member, conversationId);
      return reply({ id: conversationId }, 201);
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      const activityId = nextId();
      const channelId = ((body['channelData'] as { channel?: { id?: string } })?.channel?.id ?? '') as string;
      const conversationId = `${channelId};messageid=${activityId}`;
      const activity = body['activity'] as Record<string, unknown>;
      peer.threads.push({ conversationId, activityId, channelId, activity });
      record(activity);
      return reply({ id: conversationId, activityId }, 201);
    }
    // /v3/conversations/{id}/activities[/{activityId}]
    if (parts[1] === 'v3' && parts[2] === 'conversations' && parts[4] === 'activities') {
      const conversationId = parts[3]!;
      const target = parts[5];
      if (req.method === 'PUT' && target) {
        peer.updates.push({ conversationId, activityId: target, activity: body });
        return reply({ id: target });
      }
      if (req.method === 'POST') {
        const activityId = nextId();
        if (target) peer.replies.push({ conversationId, activityId, replyToId: target, activity: body });
        else peer.messages.push({ conversationId, activityId, activity: body });
        record(body);
        return reply({ id: activityId });
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${path}` } }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  peer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return peer;
}
