// The service as its own process, killed (SIGKILL) at each step between a change's append and its last effect,
// started again, and the sender's redelivery where a real sender would redeliver: every step ends with one
// referral, one card, its live-work entry and its queued write-back. The kills come from outside the service: a
// wire-protocol proxy in front of the store (test/support/store-proxy.ts) and the connector peer holding a request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { createStores } from '../../app/stores';
import { receive } from '../../core/lifecycle';
import { PARTNER_CENTER_SOURCE, WEBHOOK_SOURCE } from '../../core/sources';
import { cardKey } from '../../outbound/channel-cards';
import { CONNECTOR_TIMEOUT_MS } from '../../outbound/connector-client';
import { PARTNER_CENTER_ACTOR, readSnapshot } from '../../partner-center/referral-snapshot';
import { referralIdFor } from '../../services/referral-id';
import { ensureIndexes } from '../../storage/indexes';
import { migrate } from '../../storage/migrations';
import { OPEN_REFERRALS } from '../../storage/open-referrals';
import { PENDING_CHANGES } from '../../storage/pending-changes';
import { POSTED_MESSAGES } from '../../storage/posted-messages';
import { REFERRAL_EVENTS } from '../../storage/referral-events';
import { REFERRAL_ROUTES } from '../../storage/referral-routes';
import { REFERRALS } from '../../storage/referrals';
import { SYNC_QUEUE } from '../../storage/sync-outbox';
import { pendingReferral } from '../partner-center/harness';
import { startConnectorPeer, type ConnectorPeer, type Interception } from '../support/connector-peer';
import { postReferral, type IntakeReply } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { TEST_INTAKE_SECRET } from '../support/service';
import { buildService, freePort, startServiceProcess, type ServiceProcess } from '../support/service-process';
import { startStoreProxy, type KillRule, type StoreProxy } from '../support/store-proxy';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import {
  acceptForm,
  cardVerbs,
  DANA,
  GENERAL,
  TEAM,
  TENANT_ID,
  teamsClient,
  type TeamsClient,
} from '../support/teams-client';
import { until } from '../support/until';

/** Where the service dies: at a store command (the proxy), or while Teams holds a request (the peer). */
type Kill = { store: KillRule } | { connector: { method: 'POST' | 'PUT'; at: Interception } };

const HOUR_MS = 3_600_000;
/** post-once's lease over one Bot Connector request (outbound/post-once.ts, REQUEST_LEASE_MS): 30 s. */
const REQUEST_LEASE_MS = 2 * CONNECTOR_TIMEOUT_MS;
const SETTLE_MS = 30_000;

describe('the service killed at each step of a change, then restarted', () => {
  let build: string;
  let store: TestStore;
  let client: MongoClient;
  let run: Run | undefined;

  beforeAll(async () => {
    [build, store] = await Promise.all([buildService(), startTestStore()]);
    client = new MongoClient(store.uri, { retryWrites: false, serverSelectionTimeoutMS: 5_000 });
    await client.connect();
  }, 180_000);
  afterEach(async () => {
    await run?.close();
    run = undefined;
  });
  afterAll(async () => {
    await client?.close();
    await store?.stop();
  });

  interface Run {
    /** The running process: a new one after each restart, on the same port, database and data folder. */
    child: ServiceProcess;
    peer: ConnectorPeer;
    proxy: StoreProxy;
    /** The run's database, read directly (not through the proxy). */
    db: Db;
    teams: TeamsClient;
    /** Resolves once the service was killed at `kill`. */
    killAt(kill: Kill): Promise<void>;
    /** Waits for the killed process to be gone and starts the service again with the same settings. */
    restart(): Promise<void>;
    close(): Promise<void>;
  }

  /** The service in local mode, through a store proxy, its scheduler ticking every second. */
  async function startRun(options: { env?: Record<string, string>; seed?: (db: Db) => Promise<void> } = {}) {
    const database = freshDatabase('faults');
    const db = client.db(database);
    await options.seed?.(db);
    const [peer, proxy, port, dataDir] = await Promise.all([
      startConnectorPeer(),
      startStoreProxy(store.uri),
      freePort(),
      mkdtemp(join(tmpdir(), 'rd-faults-')),
    ]);
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: proxy.uri,
      MONGODB_DATABASE: database,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PLAYGROUND: 'off',
      INTAKE_SECRET: TEST_INTAKE_SECRET,
      // The scheduler runs, as it does in production: its sweeps are part of how a half-done change is finished.
      // Every second rather than every minute, so a sweep comes soon after a restart.
      SCHEDULER: 'on',
      SCHEDULER_CRON: '* * * * * *',
      ...options.env,
    };
    const started: Run = {
      child: await startServiceProcess(build, { env }),
      peer,
      proxy,
      db,
      teams: teamsClient(`http://127.0.0.1:${port}`, peer.url),
      killAt(kill) {
        const killNow = () => started.child.killNow();
        if ('store' in kill) return proxy.killOn(kill.store, killNow);
        const { method, at } = kill.connector;
        return peer.interceptNext((request) => request.method === method, at, killNow);
      },
      async restart() {
        const { signal } = await started.child.exited;
        expect(signal).toBe('SIGKILL');
        started.child = await startServiceProcess(build, { env });
      },
      async close() {
        await started.child.kill();
        await Promise.all([peer.close(), proxy.close()]);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
    run = started;
    return started;
  }

  /** Fails with what the service logged (and what the proxy saw) when `killed` does not come in time. */
  async function killed(run: Run, kill: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () =>
          fail(
            new Error(
              `the kill never came; commands seen: ${JSON.stringify(run.proxy.seen.slice(-40))}\n${run.child.output()}`,
            ),
          ),
        SETTLE_MS,
      );
    });
    try {
      await Promise.race([kill, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits (bounded) until `read` describes `expected`; the failure says what it saw and what the service logged. */
  async function settles(run: Run, read: () => Promise<unknown>, expected: unknown, timeoutMs = SETTLE_MS) {
    const seen = async () => JSON.stringify(await read());
    try {
      await until(seen, JSON.stringify(expected), timeoutMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nservice output:\n${run.child.output()}`);
    }
  }

  describe('a new referral through the intake, the bot installed in General', () => {
    /** What a person (and the scheduler) would find for the referral. */
    async function newReferralState(run: Run, id: string) {
      const events = await run.db.collection(REFERRAL_EVENTS).find({ referralId: id }).toArray();
      return {
        events: events.map((event) => `${event['seq']}:${event['type']}`),
        referrals: await run.db.collection(REFERRALS).countDocuments({ _id: id as never }),
        threads: run.peer.threadsWith(id).length,
        cardRecord: (await run.db.collection(POSTED_MESSAGES).findOne({ _id: cardKey(id) as never }))?.[
          'state'
        ],
        liveWork: await run.db.collection(OPEN_REFERRALS).countDocuments({ _id: id as never }),
        pendingChanges: await run.db.collection(PENDING_CHANGES).countDocuments({}),
      };
    }
    // Once the card's record says "sent", no later sweep posts it again: one thread then stays one.
    const exactlyOnce = (threads: number) => ({
      events: ['1:received'],
      referrals: 1,
      threads,
      cardRecord: 'sent',
      liveWork: 1,
      pendingChanges: 0,
    });

    /**
     * Sends the referral, has the service killed at `kill`, restarts it, and sends the referral again when the
     * first try got no 2xx (a sender that got its 201 does not send again). Returns the referral's id and when
     * (performance.now()) the service was killed.
     */
    async function killDuringIntake(run: Run, externalId: string, kill: Kill) {
      expect((await run.teams.installInTeam()).status).toBe(200);
      const json = sampleReferralJson(externalId, {
        // Received now, so nothing is due for the scheduler: the only writes are this change's.
        createdDateTime: new Date().toISOString(),
      });
      const dead = run.killAt(kill);
      const sender = { url: run.child.url, intakeSecret: TEST_INTAKE_SECRET };
      const first: IntakeReply | undefined = await postReferral(sender, json).catch(() => undefined);
      await killed(run, dead);
      const killedAt = performance.now();
      await run.restart();
      const wasAcknowledged = first !== undefined && first.status >= 200 && first.status < 300;
      if (!wasAcknowledged) expect((await postReferral(sender, json)).status).toBe(200);
      return { id: referralIdFor(WEBHOOK_SOURCE, externalId), killedAt };
    }

    const steps: { step: string; kill: Kill; settleMs?: number }[] = [
      {
        step: 'after its event was appended (the store answered the insert)',
        kill: { store: { command: 'insert', collection: REFERRAL_EVENTS, at: 'after-reply' } },
      },
      {
        step: 'at the projection (the insert into referrals)',
        kill: { store: { command: 'insert', collection: REFERRALS, at: 'before' } },
      },
      {
        step: 'at live work (the update of open_referrals)',
        kill: { store: { command: 'update', collection: OPEN_REFERRALS, at: 'before' } },
      },
      {
        step: 'at the route (the insert into referral_routes)',
        kill: { store: { command: 'insert', collection: REFERRAL_ROUTES, at: 'before' } },
      },
      {
        step: 'at the post claim (the insert into posted_messages)',
        kill: { store: { command: 'insert', collection: POSTED_MESSAGES, at: 'before' } },
      },
      {
        // The post's lease still runs when the service comes back: its card is posted by whoever comes after it.
        step: 'while Teams holds the card POST, before it is answered (it never lands)',
        kill: { connector: { method: 'POST', at: 'before-answer' } },
        settleMs: 2 * REQUEST_LEASE_MS,
      },
      {
        step: 'at the clear of its mark (the delete from pending_changes)',
        kill: { store: { command: 'delete', collection: PENDING_CHANGES, at: 'before' } },
      },
    ];

    for (const [n, { step, kill, settleMs }] of steps.entries()) {
      it(`killed ${step}: one referral, one card thread, its live-work entry, no mark left`, async () => {
        const run = await startRun();
        const { id } = await killDuringIntake(run, `fault-intake-${n}`, kill);
        await settles(run, () => newReferralState(run, id), exactlyOnce(1), settleMs);
      }, 120_000);
    }

    // README, "How writes stay exactly-once": the one window left open, since the Bot Connector takes no
    // idempotency key. Teams holds the card, the service dies before it wrote so down, and whoever takes the post
    // over once its lease ran out posts it again.
    it('killed after Teams took the card POST and before its sent record was written: the takeover after the 30 s lease posts it again, so exactly two threads, the second no sooner than the lease', async () => {
      const run = await startRun();
      const kill: Kill = { store: { command: 'update', collection: POSTED_MESSAGES, at: 'before' } };
      const { id, killedAt } = await killDuringIntake(run, 'fault-intake-window', kill);
      expect(run.peer.threadsWith(id)).toHaveLength(1);
      await run.peer.waitFor(() => run.peer.threadsWith(id).length === 2, 3 * REQUEST_LEASE_MS);
      // The lease was renewed right before the first request, a few milliseconds before the kill.
      expect(performance.now() - killedAt).toBeGreaterThanOrEqual(REQUEST_LEASE_MS - 1_000);
      await settles(run, () => newReferralState(run, id), exactlyOnce(2));
    }, 150_000);
  });

  describe('an Accept click on a Partner Center referral, the integration on', () => {
    const CARD_ACTIVITY_ID = '1767225600001';
    const cardThread = `${GENERAL.id};messageid=${CARD_ACTIVITY_ID}`;
    let partnerCenter: Server;
    let partnerCenterUrl: string;

    // Partner Center (and its sign-in) answering 503 to everything: the write-back is queued and stays queued.
    beforeAll(async () => {
      partnerCenter = createServer((_req, res) => {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '600' });
        res.end('{"error":"unavailable"}');
      });
      await new Promise<void>((done) => partnerCenter.listen(0, '127.0.0.1', done));
      partnerCenterUrl = `http://127.0.0.1:${(partnerCenter.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((done) => partnerCenter.close(() => done()));
    });

    /**
     * A New Partner Center referral as the service leaves it after taking it in and posting its card in General:
     * its received event, projection, live-work entry, route, sent card record and Partner Center link.
     */
    async function seedPostedReferral(db: Db, partnerCenterId: string): Promise<string> {
      const now = new Date();
      await ensureIndexes(db);
      await migrate(db, now);
      const stores = createStores(db);
      const json = pendingReferral(partnerCenterId, {
        createdDateTime: now.toISOString(),
        expirationDateTime: new Date(now.getTime() + 13 * 24 * HOUR_MS).toISOString(),
        eTag: '"etag-1"',
      });
      const snapshot = readSnapshot(json, now);
      if (!snapshot.ok) throw new Error(`seed referral invalid: ${JSON.stringify(snapshot.errors)}`);
      const id = referralIdFor(PARTNER_CENTER_SOURCE, snapshot.value.partnerCenterId);
      const { event, referral } = receive(snapshot.value.incoming, id, PARTNER_CENTER_ACTOR, now);
      await stores.events.append(event);
      await stores.projections.save(referral, now);
      await stores.open.track(referral);
      await stores.routes.decide(id, { channelId: GENERAL.id, teamId: TEAM.id, tenantId: TENANT_ID }, now);
      await stores.postedMessages.claimFirst(cardKey(id), now, now);
      await stores.postedMessages.recordSent(
        cardKey(id),
        1,
        { conversationId: cardThread, activityId: CARD_ACTIVITY_ID },
        now,
      );
      await stores.links.recordSeen(id, partnerCenterId, snapshot.value.eTag, snapshot.value.modifiedAt);
      return id;
    }

    async function acceptedState(run: Run, id: string) {
      const events = await run.db.collection(REFERRAL_EVENTS).find({ referralId: id }).toArray();
      const lastCard = run.peer.updates.filter((update) => update.activityId === CARD_ACTIVITY_ID).at(-1);
      const verbs = lastCard ? cardVerbs(lastCard.activity) : [];
      const queued = await run.db.collection(SYNC_QUEUE).find({ referralId: id }).toArray();
      return {
        events: events.map((event) => `${event['seq']}:${event['type']}`),
        status: (await run.db.collection(REFERRALS).findOne({ _id: id as never }))?.['status'],
        lastCard: verbs.includes('accept') ? 'offers Accept' : verbs.includes('won') ? 'Active' : 'none',
        liveWork: await run.db.collection(OPEN_REFERRALS).countDocuments({ _id: id as never }),
        writeBacks: queued.map((entry) => `${entry['seq']}:${entry['state']}`),
        pendingChanges: await run.db.collection(PENDING_CHANGES).countDocuments({}),
      };
    }

    const steps: { step: string; kill: Kill }[] = [
      {
        step: 'after its event was appended (the store answered the insert)',
        kill: { store: { command: 'insert', collection: REFERRAL_EVENTS, at: 'after-reply' } },
      },
      {
        step: 'at the projection (the update of referrals)',
        kill: { store: { command: 'update', collection: REFERRALS, at: 'before' } },
      },
      {
        step: 'at live work (the delete from open_referrals)',
        kill: { store: { command: 'delete', collection: OPEN_REFERRALS, at: 'before' } },
      },
      {
        step: 'at the write-back (the insert into sync_queue)',
        kill: { store: { command: 'insert', collection: SYNC_QUEUE, at: 'before' } },
      },
      {
        step: 'while Teams holds the card redraw (PUT), before it is answered',
        kill: { connector: { method: 'PUT', at: 'before-answer' } },
      },
      {
        step: 'at the clear of its mark (the delete from pending_changes)',
        kill: { store: { command: 'delete', collection: PENDING_CHANGES, at: 'before' } },
      },
    ];

    for (const [n, { step, kill }] of steps.entries()) {
      it(`killed ${step}: Active with one accepted event, the card redrawn Active, one write-back queued`, async () => {
        let id = '';
        const run = await startRun({
          seed: async (db) => {
            id = await seedPostedReferral(db, `pc-fault-${n}`);
          },
          env: {
            PARTNER_CENTER_CLIENT_ID: 'fault-injection-app',
            PARTNER_CENTER_TENANT_ID: 'fault-injection-tenant',
            PARTNER_CENTER_REFRESH_TOKEN: 'fault-injection-refresh-token',
            PARTNER_CENTER_API_URL: partnerCenterUrl,
            PARTNER_CENTER_AUTHORITY_HOST: partnerCenterUrl,
            PARTNER_CENTER_SYNC_INTERVAL_MS: '600000',
            PARTNER_CENTER_POLL_CRON: '0 0 1 1 *',
          },
        });
        expect((await run.teams.installInTeam()).status).toBe(200);
        const dead = run.killAt(kill);
        // Teams does not repeat a click: whatever the click's answer, nobody sends it again.
        await run.teams
          .click(DANA, 'accept', acceptForm(id), { threadId: cardThread })
          .catch(() => undefined);
        await killed(run, dead);
        await run.restart();
        await settles(run, () => acceptedState(run, id), {
          events: ['1:received', '2:accepted'],
          status: 'Active',
          lastCard: 'Active',
          liveWork: 0,
          writeBacks: ['2:pending'],
          pendingChanges: 0,
        });
      }, 90_000);
    }
  });
});
