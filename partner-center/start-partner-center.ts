// The Partner Center integration in one handle: webhook route, poller, and the write-back outbox's drainer.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { rootCertificates } from 'node:tls';
import type { Request, Response } from 'restify';
import type { Actor } from '../core/referral';
import type { SyncState } from '../core/sources';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Signal } from '../platform/signal';
import type { IntegrationHealth } from '../services/integration-health';
import type { ReferralService } from '../services/referral-service';
import type { PartnerCenterSignIn } from '../storage/partner-center-sign-in';
import type { PartnerCenterLinks } from '../storage/partner-center-links';
import type { ReferralEventLog } from '../storage/referral-events';
import type { SyncOutbox } from '../storage/sync-outbox';
import { partnerCenterApi, type TokenProvider } from './api-client';
import { cachedCertificateSource } from './certificate-source';
import { startDrainLoop } from './drain-loop';
import { partnerCenterEventsRoute } from './events-route';
import { drainOutbox, type DrainerDeps, type DrainSummary } from './outbox-drainer';
import { pollOnce, startPartnerCenterPoller, type PollSummary } from './poller';
import { msalTokenProvider, type PartnerCenterAuthSettings } from './token-provider';
import { webhookVerifier } from './webhook-signature';

export const EVENTS_PATH = '/api/partner-center/events';

/** What the integration needs to run, every default already applied (by the service's config). */
export interface PartnerCenterSettings {
  apiUrl: string;
  /**
   * AES-256 key for the stored refresh token (PARTNER_CENTER_TOKEN_KEY). Absent only in local mode, where the
   * service keeps a generated one under DATA_DIR.
   */
  tokenKey?: Buffer;
  auth: PartnerCenterAuthSettings;
  /** node-cron expression for the safety-net poll. */
  pollCron: string;
  /** How often the outbox is drained besides right after each decision. */
  drainIntervalMs: number;
  webhook: {
    /** `host` or `host:port` the signing certificate may be downloaded from (https only). */
    certificateHosts: string[];
    /** Hosts a missing intermediate CA certificate may be fetched from. */
    issuerHosts: string[];
    /** The organization (O=) the signing certificate's subject must name. */
    organization: string;
    /** A PEM bundle of the roots webhook certificates must chain to; Node's public roots otherwise. */
    rootsFile?: string;
    rootsPem?: string;
  };
}

export interface PartnerCenterDeps {
  settings: PartnerCenterSettings;
  service: ReferralService;
  links: PartnerCenterLinks;
  outbox: SyncOutbox;
  events: ReferralEventLog;
  /** Raised when a decision was queued for writing back: the drainer starts at once. */
  writeBackQueued: Signal;
  clock: Clock;
  log: Logger;
  /** The integration's health: told of sign-ins, webhooks and polls; absent in tests that do not look. */
  health?: IntegrationHealth;
  /** Where the rotated refresh token is kept (encrypted) across restarts. */
  signIn?: PartnerCenterSignIn;
  /** Tests: a token source instead of MSAL, and roots for the certificate download's TLS. */
  getToken?: TokenProvider;
  tlsCa?: string;
  /** Tests call pollOnce/drainOutbox themselves: no schedule, no timer, no drain on a decision. */
  isManual?: boolean;
}

export interface PartnerCenter {
  /** POST routes to mount, by path. */
  routes: Record<string, (req: Request, res: Response) => Promise<void>>;
  syncStateOf(referralId: string): Promise<SyncState | undefined>;
  /** Stops retrying the referral's unsent decisions; returns how many were given up. */
  giveUp(referralId: string, actor: Actor): Promise<number>;
  pollOnce(now: Date): Promise<PollSummary>;
  drainOutbox(now: Date): Promise<DrainSummary>;
  stop(): Promise<void>;
}

export async function startPartnerCenter(deps: PartnerCenterDeps): Promise<PartnerCenter> {
  const { settings, service, links, outbox, events, clock } = deps;
  const getToken =
    deps.getToken ??
    msalTokenProvider(settings.auth, {
      clock,
      ...(deps.signIn ? { kept: deps.signIn } : {}),
      ...(deps.health ? { onSignIn: deps.health.signIn } : {}),
    });
  const api = partnerCenterApi({ baseUrl: settings.apiUrl, getToken, clock });
  const log = deps.log.child({ component: 'partner-center' });
  const drainerDeps: DrainerDeps = {
    service,
    links,
    clock,
    log,
    api,
    outbox,
    events,
    holder: `${hostname()}:${process.pid}`,
    ...(deps.health ? { health: deps.health } : {}),
    listeningSince: clock(),
  };
  const verify = webhookVerifier(
    { ...settings.webhook, roots: await rootsOf(settings.webhook) },
    cachedCertificateSource({ clock, ...(deps.tlsCa ? { tlsCa: deps.tlsCa } : {}) }),
  );
  const drain = async () => {
    const summary = await drainOutbox(drainerDeps, clock());
    if (summary.sent + summary.superseded + summary.retrying > 0) log.info(summary, 'outbox drained');
  };
  const drainer = deps.isManual
    ? undefined
    : startDrainLoop({ drain, wake: deps.writeBackQueued, intervalMs: settings.drainIntervalMs, log });
  const poller = deps.isManual
    ? undefined
    : startPartnerCenterPoller(drainerDeps, { cron: settings.pollCron, log });
  return {
    routes: { [EVENTS_PATH]: partnerCenterEventsRoute({ ...drainerDeps, verify }) },
    syncStateOf: (referralId) => outbox.stateOf(referralId),
    giveUp: (referralId, actor) => outbox.giveUp(referralId, actor, clock()),
    pollOnce: (now) => pollOnce(drainerDeps, now),
    drainOutbox: (now) => drainOutbox(drainerDeps, now),
    async stop() {
      await poller?.stop();
      await drainer?.stop();
    },
  };
}

async function rootsOf(webhook: PartnerCenterSettings['webhook']): Promise<X509Certificate[]> {
  const pem = webhook.rootsPem ?? (webhook.rootsFile ? await readFile(webhook.rootsFile, 'utf8') : undefined);
  if (pem === undefined) return rootCertificates.map((root) => new X509Certificate(root));
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (c) => new X509Certificate(c),
  );
}
