import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Config } from './config';
import type { Logger } from '../platform/logger';
import type { Clock } from '../platform/clock';
import { createHttpServer } from './http-server';
import { createReferralService, type ReferralChangeListener, type ReferralService } from '../services/referral-service';
import { loadOrCreateDevSecret } from './dev-secret';
import { connectStore, pingStore, type StoreConnection } from '../storage/mongo';
import { ensureIndexes } from '../storage/indexes';
import { referralEventLog } from '../storage/referral-events';
import { referralProjections } from '../storage/referrals';
import { createBot, type RunningBot } from '../bot/create-bot';
import { startPartnerCenter, type PartnerCenter } from '../partner-center/start-partner-center';
import { createScheduler, startScheduler, type Scheduler } from '../scheduler/worker';
import { createThreadNotices } from '../outbound/thread-notices';
import { dueReferrals } from '../storage/due-referrals';
import { scheduledNotices } from '../storage/scheduled-notices';
import { openReferrals } from '../storage/open-referrals';
import { createDigests } from '../scheduler/digests';
import { digestSource } from '../storage/digest-source';
import { digestSubscriptions } from '../storage/digest-subscriptions';
import { defaultStoreBinaryPath, startEmbeddedStore, type EmbeddedStore } from '../storage/embedded-store';

export interface RunningService {
  url: string;
  store: StoreConnection;
  referrals: ReferralService;
  bot: RunningBot;
  scheduler: Scheduler;
  partnerCenter: PartnerCenter;
  intakeSecret: string;
  stop(): Promise<void>;
}

/** Starts everything the service needs, in order, and returns one handle that stops it all in reverse. */
export async function startService(
  config: Config,
  log: Logger,
  clock: Clock,
  /** `worker`: the scheduler alone (`npm run worker`), no HTTP; it needs the shared store at MONGODB_URI. */
  role: 'service' | 'worker' = 'service',
): Promise<RunningService> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse())
      await fn().catch((error) => log.error({ err: error }, 'stop step failed'));
  };
  try {
    let uri = config.mongodbUri;
    if (!uri && role === 'worker')
      throw new Error(
        'a separate worker needs MONGODB_URI: the embedded store belongs to the service process, which runs the scheduler itself',
      );
    if (!uri) {
      const embedded: EmbeddedStore = await startEmbeddedStore({
        binaryPath: defaultStoreBinaryPath(),
        dataDir: resolve(join(config.dataDir, 'store')),
        log: (msg, fields) => log.warn({ ...fields, component: 'embedded-store' }, msg),
      });
      stops.push(() => embedded.stop());
      uri = embedded.uri;
      log.info({ pid: embedded.pid }, 'embedded store started');
    }
    const store = await connectStore(uri, config.mongodbDatabase, config.storeTimeoutMs);
    stops.push(() => store.close());
    await ensureIndexes(store.db);

    // Listeners are added once the parts that listen exist; the service reads the list at each change.
    const listeners: ReferralChangeListener[] = [];
    const referrals = createReferralService({
      events: referralEventLog(store.db),
      projections: referralProjections(store.db),
      clock,
      listeners,
      onListenerError: (error, event) =>
        log.error({ err: error, referralId: event.referralId, seq: event.seq }, 'change listener failed'),
    });
    const open = openReferrals(store.db);
    // First, so the scheduler and the card sweep see a change before anything slow happens.
    listeners.push(({ referral }) => open.track(referral));
    await open.rebuild();
    const partnerCenter = await startPartnerCenter({
      settings: config.partnerCenter,
      db: store.db,
      service: referrals,
      clock,
      log,
    });
    stops.push(() => partnerCenter.stop());
    const bot = createBot({
      config,
      db: store.db,
      referrals,
      clock,
      log,
      syncStateOf: partnerCenter.isEnabled ? (id) => partnerCenter.syncStateOf(id) : undefined,
    });
    listeners.push(bot.channelCards.onChange);
    listeners.push(partnerCenter.listener);
    stops.push(() => bot.stop());
    const digests = createDigests({
      source: digestSource(store.db),
      subscriptions: digestSubscriptions(store.db),
      routes: bot.deps.routes,
      posts: bot.posts,
      connector: bot.connector,
      sender: bot.sender,
      display: bot.deps.display,
      log,
    });
    bot.deps.digest = digests.command;
    if (partnerCenter.isEnabled) bot.deps.giveUpSync = (id, actor) => partnerCenter.giveUp(id, actor);
    const scheduler = createScheduler({
      referrals,
      due: dueReferrals(store.db),
      notices: scheduledNotices(store.db),
      thread: createThreadNotices({ ...bot.deps, ...bot, clock, display: bot.deps.display }),
      refreshCard: (id) => bot.channelCards.refresh(id),
      postWaitingCards: () => bot.channelCards.postWaiting(),
      sendDueDigests: digests.sendDue,
      log,
    });
    if (config.scheduler.enabled || role === 'worker') {
      const running = startScheduler(scheduler, { cron: config.scheduler.cron, clock, log });
      stops.push(() => running.stop());
    }
    if (role === 'worker')
      return { url: '', store, referrals, bot, scheduler, partnerCenter, intakeSecret: '', stop };
    const intakeSecret = config.intakeSecret ?? (await loadOrCreateDevSecret(config.dataDir));
    const server = createHttpServer({
      log,
      intake: {
        service: referrals,
        secret: intakeSecret,
        allowUnsignedFromLoopback: config.isLocalMode,
        clock,
        log,
      },
      checkStore: () => pingStore(store.db),
      posts: { '/api/messages': bot.handleMessages, ...partnerCenter.routes },
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, () => done());
    });
    stops.push(() => new Promise<void>((done) => server.close(() => done())));
    const { port } = server.address() as AddressInfo;
    // Referrals that arrived while no channel existed, or whose post a crash interrupted.
    void bot.channelCards
      .postWaiting()
      .catch((error: unknown) => log.error({ err: error }, 'posting waiting referral cards failed'));
    return {
      url: `http://${config.host}:${port}`,
      store,
      referrals,
      bot,
      scheduler,
      partnerCenter,
      intakeSecret,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
