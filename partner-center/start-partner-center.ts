// The Partner Center integration in one handle: webhook route, poller, write-back listener and outbox drainer.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type { Request, Response } from 'restify';
import type { ReferralChangeListener, ReferralService } from '../services/referral-service';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Actor } from '../core/referral';
import { ensurePartnerCenterLinkIndexes, partnerCenterLinks } from '../storage/partner-center-links';
import { referralEventLog } from '../storage/referral-events';
import { ensureSyncOutboxIndexes, syncOutbox, type SyncState } from '../storage/sync-outbox';
import { partnerCenterApi, type TokenProvider } from './api-client';
import { cachedCertificateSource } from './certificate-source';
import { partnerCenterEventsRoute } from './events-route';
import { drainOutbox, type DrainerDeps, type DrainSummary } from './outbox-drainer';
import { pollOnce, startPartnerCenterPoller, type PollSummary } from './poller';
import { msalTokenProvider, type PartnerCenterAuthSettings } from './token-provider';
import { webhookTrust, webhookVerifier } from './webhook-signature';
import { partnerCenterWriteBack } from './write-back';

export const EVENTS_PATH = '/api/partner-center/events';
const DEFAULT_API_URL = 'https://api.partner.microsoft.com';
const DEFAULT_DRAIN_INTERVAL_MS = 60_000;

export interface PartnerCenterSettings {
  apiUrl?: string;
  auth: PartnerCenterAuthSettings;
  /** node-cron expression for the safety-net poll; every 10 minutes by default. */
  pollCron?: string;
  /** How often the outbox is drained besides right after each decision. */
  drainIntervalMs?: number;
  webhook?: {
    certificateHosts?: string[];
    issuerHosts?: string[];
    organization?: string;
    /** A PEM bundle of the roots webhook certificates must chain to; Node's public roots otherwise. */
    rootsFile?: string;
    rootsPem?: string;
  };
}

export interface PartnerCenterDeps {
  /** Undefined: the integration is off and the handle does nothing. */
  settings: PartnerCenterSettings | undefined;
  db: Db;
  service: ReferralService;
  clock: Clock;
  log: Logger;
  /** Tests: a token source instead of MSAL, and roots for the certificate download's TLS. */
  getToken?: TokenProvider;
  tlsCa?: string;
  /** Tests call pollOnce/drainOutbox themselves: no schedule, no timer, no drain kicked by a decision. */
  isManual?: boolean;
}

export interface PartnerCenter {
  isEnabled: boolean;
  /** POST routes to mount, by path. */
  routes: Record<string, (req: Request, res: Response) => Promise<void>>;
  listener: ReferralChangeListener;
  syncStateOf(referralId: string): Promise<SyncState | undefined>;
  /** Stops retrying the referral's unsent decisions; returns how many were given up. */
  giveUp(referralId: string, actor: Actor): Promise<number>;
  pollOnce(now: Date): Promise<PollSummary>;
  drainOutbox(now: Date): Promise<DrainSummary>;
  stop(): Promise<void>;
}

const EMPTY_POLL: PollSummary = { created: 0, updated: 0, unchanged: 0, skipped: 0, invalid: 0 };
const EMPTY_DRAIN: DrainSummary = { sent: 0, superseded: 0, retrying: 0, busy: 0 };

export async function startPartnerCenter(deps: PartnerCenterDeps): Promise<PartnerCenter> {
  const { settings, db, service, clock, log } = deps;
  if (!settings) return disabled();
  await ensurePartnerCenterLinkIndexes(db);
  await ensureSyncOutboxIndexes(db);
  const getToken = deps.getToken ?? msalTokenProvider(settings.auth, { clock });
  const api = partnerCenterApi({ baseUrl: settings.apiUrl ?? DEFAULT_API_URL, getToken });
  const outbox = syncOutbox(db);
  const links = partnerCenterLinks(db);
  const sync = log.child({ component: 'partner-center' });
  const drainerDeps: DrainerDeps = {
    service,
    links,
    clock,
    log: sync,
    api,
    outbox,
    events: referralEventLog(db),
    holder: `${hostname()}:${process.pid}`,
  };
  const verify = webhookVerifier(
    await trustFrom(settings),
    cachedCertificateSource({ clock, ...(deps.tlsCa ? { tlsCa: deps.tlsCa } : {}) }),
  );
  const drainer = singleFlight(async () => {
    const summary = await drainOutbox(drainerDeps, clock());
    if (summary.sent + summary.superseded + summary.retrying > 0) sync.info(summary, 'outbox drained');
  }, sync);
  const timer = deps.isManual
    ? undefined
    : setInterval(drainer.kick, settings.drainIntervalMs ?? DEFAULT_DRAIN_INTERVAL_MS);
  timer?.unref();
  const poller = deps.isManual
    ? undefined
    : startPartnerCenterPoller(drainerDeps, { cron: settings.pollCron, log: sync });
  return {
    isEnabled: true,
    routes: { [EVENTS_PATH]: partnerCenterEventsRoute({ ...drainerDeps, verify }) },
    listener: partnerCenterWriteBack({
      outbox,
      clock,
      ...(deps.isManual ? {} : { onEnqueued: drainer.kick }),
    }),
    syncStateOf: (referralId) => outbox.stateOf(referralId),
    giveUp: (referralId, actor) => outbox.giveUp(referralId, actor, clock()),
    pollOnce: (now) => pollOnce(drainerDeps, now),
    drainOutbox: (now) => drainOutbox(drainerDeps, now),
    async stop() {
      clearInterval(timer);
      await poller?.stop();
      await drainer.idle();
    },
  };
}

async function trustFrom(settings: PartnerCenterSettings) {
  const webhook = settings.webhook ?? {};
  const pem = webhook.rootsPem ?? (webhook.rootsFile ? await readFile(webhook.rootsFile, 'utf8') : undefined);
  const roots = pem
    ?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
    ?.map((c) => new X509Certificate(c));
  return webhookTrust({
    ...(roots ? { roots } : {}),
    ...(webhook.certificateHosts ? { certificateHosts: webhook.certificateHosts } : {}),
    ...(webhook.issuerHosts ? { issuerHosts: webhook.issuerHosts } : {}),
    ...(webhook.organization ? { organization: webhook.organization } : {}),
  });
}

/** Runs `work` once at a time; a kick while it runs asks for one more run after it. */
function singleFlight(work: () => Promise<void>, log: Logger) {
  let running: Promise<void> | undefined;
  let again = false;
  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = work()
      .catch((error: unknown) =>
        log.error({ err: error }, 'outbox drain failed; the next one will try again'),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  return { kick, idle: async () => running && (await running) };
}

function disabled(): PartnerCenter {
  return {
    isEnabled: false,
    routes: {},
    listener: async () => {},
    syncStateOf: async () => undefined,
    giveUp: async () => 0,
    pollOnce: async () => EMPTY_POLL,
    drainOutbox: async () => EMPTY_DRAIN,
    stop: async () => {},
  };
}
