import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RunningService } from '../../app/start-service';
import { POST_ATTEMPTS } from '../../storage/posted-messages';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { freshDatabase, startTestStore, withClient, type TestStore } from '../support/store';
import { teamsClient } from '../support/teams-client';
import { until } from '../support/until';

/**
 * A Bot Connector that holds every request unanswered while `isHanging` (Teams is down), and afterwards answers
 * thread creations as Teams does, counting the threads per referral.
 */
async function switchableConnector() {
  const held: ServerResponse[] = [];
  const sockets = new Set<Socket>();
  const threads = new Map<string, number>();
  let isHanging = true;
  let nextId = 1;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // The team's roster answers at once (Teams' roster service is not what is down here).
      if (req.method === 'GET' && (req.url ?? '').includes('/pagedmembers')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ members: [] }));
      }
      if (isHanging) return void held.push(res);
      const body = Buffer.concat(chunks).toString();
      const referralId = /"referralId":"([^"]+)"/.exec(body)?.[1] ?? '?';
      threads.set(referralId, (threads.get(referralId) ?? 0) + 1);
      const id = String(nextId++);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `19:general-sales@thread.tacv2;messageid=${id}`, activityId: id }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    threads,
    held,
    answer() {
      isHanging = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('a bounded stop', () => {
  let store: TestStore;
  let connector: Awaited<ReturnType<typeof switchableConnector>>;
  const services: RunningService[] = [];

  beforeAll(async () => {
    store = await startTestStore();
    connector = await switchableConnector();
  });
  afterAll(async () => {
    for (const service of services) await service.stop(0);
    await connector?.close();
    await store?.stop();
  });

  it('hands back the sends still waiting for Teams, so the next instance posts them without waiting out a lease', async () => {
    const database = freshDatabase();
    const first = await startTestService(store.uri, { local: true, database });
    services.push(first);
    await teamsClient(first.url, connector.url).installInTeam();
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push((await postReferral(first, sampleReferralJson(`stop-${n}`))).id);
    // Teams holds the first card's request; the other eleven wait behind it in the channel's queue.
    await until(() => connector.held.length, 1);

    await first.stop(1_000);
    const attempts = await withClient(store.uri, (client) =>
      client.db(database).collection(POST_ATTEMPTS).find({}).toArray(),
    );
    // The one out may still land, so its short request lease stands. Every other post either was handed back
    // (its lease released) or was never claimed once the stop began.
    const out = attempts.filter((attempt) => attempt['error'] === undefined);
    expect(out).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a['error'] !== undefined)) {
      expect(attempt['error']).toMatch(/stopping/);
      expect(attempt['leaseEndsAt']).toEqual(attempt['claimedAt']);
    }
    const outId = String(out[0]?.['key']).replace('referral-card:', '');

    // Teams is back. A new instance on the same store posts the handed-back cards at once: a five-minute lease
    // (what a post's first claim holds) would outlast this spec.
    connector.answer();
    const next = await startTestService(store.uri, { local: true, database });
    services.push(next);
    const waiting = ids.filter((id) => id !== outId);
    expect(waiting).toHaveLength(11);
    await until(() => waiting.every((id) => connector.threads.get(id) === 1), true, 25_000);
  });
});
