import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { botTokenProvider } from '../bot/bot-token';
import { createBot } from '../bot/create-bot';
import { createCardViews } from '../cards/views';
import { createConnectorClient } from '../outbound/connector-client';
import { createOutbound, type Outbound } from '../outbound/create-outbound';
import { integrationAlerts } from '../outbound/integration-alerts';
import { rosterReader } from '../outbound/roster-reader';
import { startPartnerCenter, type PartnerCenter } from '../partner-center/start-partner-center';
import { partnerCenterWriteBack } from '../partner-center/write-back';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { createSignal } from '../platform/signal';
import { createIntegrationHealth } from '../services/integration-health';
import { ownerNoticeEffect } from '../services/owner-notice-effect';
import { createScheduler, startScheduler, type Scheduler } from '../scheduler/worker';
import { createDigestBuilder } from '../services/digest-builder';
import { createChangeEffects, type ChangeEffect, type ChangeEffects } from '../services/change-effects';
import { startDirectorySync } from '../services/directory-sync';
import { createPeople, type People } from '../services/people';
import { createReferralDirectory, type ReferralDirectory } from '../services/referral-directory';
import { createReferralLists } from '../services/referral-lists';
import {
  createReferralReader,
  createReferralService,
  type ReferralService,
} from '../services/referral-service';
import { defaultStoreBinaryPath } from '../storage/embedded-store';
import { superviseEmbeddedStore } from '../storage/embedded-supervisor';
import { ensureIndexes } from '../storage/indexes';
import { migrate } from '../storage/migrations';
import { partnerCenterHealth } from '../storage/partner-center-health';
import { partnerCenterSignIn } from '../storage/partner-center-sign-in';
import { connectStore, pingStore, type StoreConnection } from '../storage/mongo';
import { createStoreLanes, type StoreLanes } from '../storage/store-lanes';
import type { Config } from './config';
import { loadOrCreateDevSecret, loadOrCreateDevTokenKey } from './dev-secret';
import { createHttpServer } from './http-server';
import { sitePagesContent } from './site-pages';
import { servicePageRoutes } from '../site/service-pages';
import { Shutdown } from './shutdown';
import { tabRoutes } from './tab';
import { createStores, type Stores } from './stores';

export interface RunningService {
  url: string;
  store: StoreConnection;
  stores: Stores;
  referrals: ReferralService;
  outbound: Outbound;
  effects: ChangeEffects;
  directory: ReferralDirectory;
  people: People;
  scheduler: Scheduler;
  /** Absent when the Partner Center integration is off. */
  partnerCenter?: PartnerCenter;
  intakeSecret: string;
  /** Resolves when the card posts and redraws started in the background are done (tests). */
  idle(): Promise<void>;
  /**
   * Stops taking new work, then lets what is in flight finish or hands it back, all within `graceMs` (config
   * STOP_GRACE_MS by default): sends still queued for Teams release their leases, unfinished changes keep their marks.
   */
  stop(graceMs?: number): Promise<void>;
}

/** `worker`: the scheduler alone (`npm run worker`), no HTTP and no Partner Center; it needs MONGODB_URI. */
export type ServiceRole = 'service' | 'worker';

/**
 * Starts everything the service needs, each part built once with all it needs, in the order they depend on each
 * other; returns one handle that stops it all in reverse.
 */
export async function startService(
  config: Config,
  log: Logger,
  clock: Clock,
  role: ServiceRole = 'service',
): Promise<RunningService> {
  const shutdown = new Shutdown(log);
  const stop = (graceMs = config.stopGraceMs) => shutdown.run(graceMs);
  try {
    const store = await openStore(config, log, role, shutdown);
    const migrated = await migrate(store.db, clock());
    if (migrated.length > 0) log.info({ migrated }, 'stored data migrated');
    const lanes = createStoreLanes();
    const stores = createStores(lanes.prioritise(store.db));
    const { outbound, effects, referrals, writeBackQueued, directory, people, lists } = buildCore(
      config,
      stores,
      lanes,
      clock,
      log,
    );
    // What lists and the tab read: every referral, once, at start (FerretDB answers only point reads quickly).
    const held = await directory.load({ referrals: stores.projections.all(), routes: stores.routes.all() });
    log.info({ referrals: held }, 'referral directory loaded');
    if (config.directorySyncMs > 0) {
      const sync = startDirectorySync({
        directory,
        ...stores,
        startAt: clock(),
        intervalMs: config.directorySyncMs,
        log,
      });
      shutdown.onHalt(() => sync.stop());
    }
    // In reverse: the sender hands back what still waits for Teams, then the changes get what time is left.
    shutdown.onHalt(() => outbound.stop());
    shutdown.onDrain(() => effects.idle());
    await stores.open.rebuild(directory.all());
    // Changes a crash (or a stop) left half-done: queued before anything new comes in, so a new change to the same
    // referral runs after them, and carried out while the service already takes requests.
    const recovered = await effects.recover({ all: true, inBackground: true });
    if (recovered > 0) log.info({ recovered }, 'finishing changes an earlier run left half-done');
    const integration =
      config.partnerCenter && role === 'service'
        ? await partnerCenterHealthParts(config, store, stores, outbound, people, clock, log)
        : undefined;
    const partnerCenter =
      config.partnerCenter && integration
        ? await startPartnerCenter({
            settings: config.partnerCenter,
            service: referrals,
            links: stores.links,
            outbox: stores.outbox,
            events: stores.events,
            writeBackQueued,
            ...integration,
            clock,
            log,
          })
        : undefined;
    if (partnerCenter) shutdown.onDrain(() => partnerCenter.stop());
    const digests = createDigestBuilder(lists);
    const scheduler = createScheduler({
      ...stores,
      referrals,
      changes: effects,
      outbound,
      directory,
      digests,
      people,
      display: config.display,
      log,
    });
    if (config.scheduler.enabled || role === 'worker') {
      const ticking = startScheduler(scheduler, { cron: config.scheduler.cron, clock, log });
      shutdown.onDrain(() => ticking.stop());
    }
    const running = {
      store,
      stores,
      referrals,
      outbound,
      effects,
      directory,
      people,
      scheduler,
      partnerCenter,
      idle: () => effects.idle(),
      stop,
    };
    if (role === 'worker') return { ...running, url: '', intakeSecret: '' };
    const handleMessages = createBot(config.bot, {
      ...stores,
      referrals,
      directory,
      lists,
      people,
      outbound,
      digests,
      sync: partnerCenter,
      ...(integration ? { health: integration.health } : {}),
      views: createCardViews(),
      clock,
      display: config.display,
      log,
    });
    const intakeSecret = config.intakeSecret ?? (await loadOrCreateDevSecret(config.dataDir));
    const server = createHttpServer({
      log,
      asRequest: lanes.asRequest,
      intake: {
        service: referrals,
        secret: intakeSecret,
        allowUnsignedFromLoopback: config.isLocalMode,
        clock,
        log,
      },
      checkStore: () => pingStore(store.db),
      isAlive: store.isAlive,
      posts: { '/api/messages': handleMessages, ...partnerCenter?.routes },
      gets: servicePageRoutes(sitePagesContent(config.site)),
      routes: await tabRoutes(config, { ...stores, referrals, directory, people, clock, log }),
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, () => done());
    });
    const closed = new Promise<void>((done) => server.server.once('close', () => done()));
    shutdown.onHalt(() => {
      server.close();
      // Idle keep-alive connections would hold the close open until they time out.
      server.server.closeIdleConnections();
    });
    shutdown.onDrain(() => closed);
    shutdown.onClose(async () => server.server.closeAllConnections());
    const { port } = server.address() as AddressInfo;
    // Referrals that arrived while no channel existed, or whose post a crash interrupted.
    void outbound.channelCards
      .postWaiting()
      .catch((error: unknown) => log.error({ err: error }, 'posting waiting referral cards failed'));
    return { ...running, url: `http://${config.host}:${port}`, intakeSecret };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The Partner Center integration's sign-in store (the rotated refresh token, encrypted under
 * PARTNER_CENTER_TOKEN_KEY, or in local mode a key generated under DATA_DIR) and its health, whose incidents
 * alert the referral admins' channel.
 */
async function partnerCenterHealthParts(
  config: Config,
  store: StoreConnection,
  stores: Stores,
  outbound: Outbound,
  people: People,
  clock: Clock,
  log: Logger,
) {
  const key = config.partnerCenter?.tokenKey ?? (await loadOrCreateDevTokenKey(config.dataDir));
  const signIn = partnerCenterSignIn(store.db, key);
  const health = createIntegrationHealth({
    store: partnerCenterHealth(store.db),
    lastSignedInAt: () => signIn.lastSignedInAt(),
    backlog: async () => (await stores.outbox.listPending()).length,
    notify: integrationAlerts({
      ...stores,
      people,
      postCardOnce: outbound.postCardOnce,
      display: config.display,
      clock,
      log,
    }),
    log,
  });
  return { signIn, health };
}

/** The store at MONGODB_URI, or the embedded one the service starts for itself; indexes ensured. */
async function openStore(
  config: Config,
  log: Logger,
  role: ServiceRole,
  shutdown: Shutdown,
): Promise<StoreConnection & { isAlive: () => boolean }> {
  let uri = config.mongodbUri;
  if (!uri && role === 'worker')
    throw new Error(
      'a separate worker needs MONGODB_URI: the embedded store belongs to the service process, which runs the scheduler itself',
    );
  let isAlive = () => true;
  if (!uri) {
    const embedded = await superviseEmbeddedStore({
      binaryPath: defaultStoreBinaryPath(),
      dataDir: resolve(join(config.dataDir, 'store')),
      log: (msg, fields) => log.warn({ ...fields, component: 'embedded-store' }, msg),
    });
    shutdown.onClose(() => embedded.stop());
    uri = embedded.uri;
    isAlive = embedded.isAlive;
    log.info({ pid: embedded.pid() }, 'embedded store started');
  }
  const store = await connectStore(uri, config.mongodbDatabase, config.storeTimeoutMs, config.storePoolSize);
  shutdown.onClose(() => store.close());
  await ensureIndexes(store.db);
  return { ...store, isAlive };
}

/**
 * The write path and what every change sets off, in order: the directory (what lists read), the projection,
 * live-work tracking, the write-back to Partner Center, and (slowest, behind Teams' pacing) the channel card.
 * Carried out from a durable mark.
 */
function buildCore(config: Config, stores: Stores, lanes: StoreLanes, clock: Clock, log: Logger) {
  const reader = createReferralReader({ ...stores, clock });
  const directory = createReferralDirectory();
  const { appId, appPassword, tenantId } = config.bot;
  const connector = createConnectorClient({
    // Local mode talks to the Agents Playground, which takes no token.
    getToken: appId && appPassword ? botTokenProvider(appId, appPassword, tenantId) : undefined,
    clock,
  });
  const people = createPeople({ ...stores, fetchRoster: rosterReader(connector), clock, log });
  const outbound = createOutbound({
    ...stores,
    connector,
    people,
    directory,
    load: (id) => reader.load(id),
    history: (referralId, upToSeq) => stores.events.listUpTo(referralId, upToSeq),
    syncStateOf: config.partnerCenter ? (id) => stores.outbox.stateOf(id) : undefined,
    // The Teams app id is the bot's (scripts/package-app.mjs); local mode has no Teams app to link to.
    teamsAppId: appId,
    display: config.display,
    clock,
    log,
  });
  const writeBackQueued = createSignal();
  const list: ChangeEffect[] = [
    { name: 'directory', run: async ({ referral }) => directory.put(referral) },
    { name: 'projection', run: ({ referral }) => stores.projections.save(referral, clock()) },
    { name: 'live-work', run: ({ referral }) => stores.open.track(referral) },
  ];
  if (config.partnerCenter)
    list.push(partnerCenterWriteBack({ ...stores, clock, onEnqueued: writeBackQueued.raise }));
  list.push({ name: 'channel-card', run: (change) => outbound.channelCards.sync(change) });
  list.push(ownerNoticeEffect(stores.events, outbound.personalNotices));
  const effects = createChangeEffects({
    marks: stores.pendingChanges,
    load: (id) => reader.load(id),
    effects: list,
    inBackground: lanes.inBackground,
    clock,
    log,
  });
  const referrals = createReferralService({ ...stores, effects, clock });
  const lists = createReferralLists(directory);
  return { outbound, effects, referrals, writeBackQueued, directory, people, lists };
}
