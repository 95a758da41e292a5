// A Bot Connector stand-in that enforces Teams' per-conversation rate limits exactly, as sliding windows, and
// answers 429 with Retry-After when a send would exceed one. Sends it admits are passed on to a plain connector
// peer, which records what landed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startConnectorPeer, type ConnectorPeer } from './connector-peer';

/** At most `sends` in any `perMs` long stretch of time. */
export interface RateWindow {
  sends: number;
  perMs: number;
}

/**
 * Teams' limits per bot and conversation: 7 sends per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour
 * (learn.microsoft.com, "Optimize your bot with rate limiting and best practices in Teams").
 */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { sends: 7, perMs: 1_000 },
  { sends: 8, perMs: 2_000 },
  { sends: 60, perMs: 30_000 },
  { sends: 1800, perMs: 3_600_000 },
];

export interface StrictConnectorPeer {
  url: string;
  /** Where admitted sends landed: threads, replies, messages and updates, as the plain peer records them. */
  landed: ConnectorPeer;
  /** How many sends were refused with 429. */
  throttled: number;
  /** Every admitted send: the conversation it counted against and when (performance.now()). */
  admitted: { conversation: string; at: number }[];
  close(): Promise<void>;
}

/**
 * The conversation a request counts against. A new thread is a post to its channel; anything else names its
 * conversation in the path (a thread is its own conversation, `<channel>;messageid=<root>`).
 */
function conversationOf(method: string, path: string, body: string): string | undefined {
  if (method === 'POST' && path === '/v3/conversations') {
    const parsed = JSON.parse(body || '{}') as { channelData?: { channel?: { id?: string } } };
    return parsed.channelData?.channel?.id ?? '';
  }
  const parts = path.split('/');
  return parts[1] === 'v3' && parts[2] === 'conversations' && parts[3]
    ? decodeURIComponent(parts[3])
    : undefined;
}

/** How long until one more send fits every window, given the admitted send times (ascending); 0 when it fits now. */
export function waitForNextSendMs(
  times: readonly number[],
  now: number,
  windows: readonly RateWindow[],
): number {
  let waitMs = 0;
  for (const { sends, perMs } of windows) {
    const inWindow = times.filter((t) => t > now - perMs);
    if (inWindow.length >= sends) waitMs = Math.max(waitMs, inWindow[inWindow.length - sends]! + perMs - now);
  }
  return waitMs;
}

/**
 * The earliest each of `count` sends can go out under `windows`, the first at 0: sending each as soon as every
 * window allows is the fastest any sender can be. The last entry is the least time `count` sends can take.
 */
export function earliestSchedule(count: number, windows: readonly RateWindow[]): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let at = times.at(-1) ?? 0;
    // Each send must be a full window after the one `sends` places before it.
    for (const { sends, perMs } of windows) if (i >= sends) at = Math.max(at, times[i - sends]! + perMs);
    times.push(at);
  }
  return times;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

export async function startStrictConnectorPeer(
  options: { windows?: readonly RateWindow[] } = {},
): Promise<StrictConnectorPeer> {
  const windows = options.windows ?? TEAMS_CONVERSATION_WINDOWS;
  const landed = await startConnectorPeer();
  const history = new Map<string, number[]>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const conversation = conversationOf(method, (req.url ?? '').split('?')[0]!, body);
    if (conversation !== undefined) {
      // Decided and recorded before anything is awaited, so concurrent sends cannot slip in between.
      const now = performance.now();
      const longestMs = Math.max(...windows.map((w) => w.perMs));
      const times = (history.get(conversation) ?? []).filter((t) => t > now - longestMs);
      const waitMs = waitForNextSendMs(times, now, windows);
      if (waitMs > 0) {
        peer.throttled++;
        history.set(conversation, times);
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
        });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'rate limit exceeded' } }));
        return;
      }
      history.set(conversation, [...times, now]);
      peer.admitted.push({ conversation, at: now });
    }
    const forwarded = await fetch(`${landed.url}${req.url ?? ''}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
    res.writeHead(forwarded.status, { 'content-type': 'application/json' });
    res.end(await forwarded.text());
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const peer: StrictConnectorPeer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    landed,
    throttled: 0,
    admitted: [],
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await landed.close();
    },
  };
  return peer;
}
