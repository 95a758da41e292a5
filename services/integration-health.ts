// The Partner Center integration's health: what it last heard, and the incidents people must be told of. A
// refresh token that died (90 days unused, sessions revoked) or a webhook registration someone else took over
// fails quietly: cards only say "sync failed — retrying". So each such incident sends one alert to the referral
// admins, and one note when it is over, however many instances see it.
import type { Logger } from '../platform/logger';
import type {
  Incident,
  IncidentKind,
  IntegrationActivity,
  PartnerCenterHealthStore,
} from '../storage/partner-center-health';

export type { Incident, IncidentKind };

/** A sign-in's outcome, as the token provider reports it. */
export type SignInOutcome = { ok: true; at: Date } | { ok: false; at: Date; error: string };

/** What people are told: an incident opened, or one that is over. Sent at most once each (keyed by incident). */
export interface IncidentNotice {
  change: 'opened' | 'recovered';
  incident: Incident;
  /** Post-once key: the same for every instance that sends it. */
  key: string;
}

export interface IntegrationStatus extends IntegrationActivity {
  lastSignedInAt?: Date;
  /** Decisions queued for Partner Center and not yet taken. */
  backlog: number;
  openIncidents: Incident[];
}

export interface IntegrationHealth {
  signIn(outcome: SignInOutcome): Promise<void>;
  /** A verified webhook arrived: webhooks work. */
  webhookReceived(at: Date): Promise<void>;
  /** A poll finished; `onlyPolled` referrals it took in were created long enough ago that a webhook should have. */
  pollFinished(at: Date, onlyPolled: number): Promise<void>;
  status(): Promise<IntegrationStatus>;
}

export interface IntegrationHealthDeps {
  store: PartnerCenterHealthStore;
  lastSignedInAt(): Promise<Date | undefined>;
  backlog(): Promise<number>;
  /** Sends the notice, once per key (post-once); may be called more than once with the same key. */
  notify(notice: IncidentNotice): Promise<void>;
  log: Logger;
}

export function createIntegrationHealth(deps: IntegrationHealthDeps): IntegrationHealth {
  const { store, log } = deps;

  async function tell(change: IncidentNotice['change'], incident: Incident) {
    try {
      await deps.notify({ change, incident, key: `partner-center-incident:${incident.id}:${change}` });
    } catch (error) {
      // The next occurrence (or recovery) calls again with the same key, so a lost post is sent then.
      log.error({ err: error, incident: incident.id, change }, 'integration alert not sent; will retry');
    }
  }

  /**
   * The open incident of `kind`, opening it if none is: its number is one past the newest, so every instance
   * that sees the same failure tries the same id, and the unique insert lets one create it. Every caller then
   * asks for the alert; post-once sends it once (and again only if an earlier attempt never got through).
   */
  async function raise(kind: IncidentKind, at: Date, detail: string) {
    const latest = await store.latest(kind);
    const current =
      latest && !latest.resolvedAt
        ? latest
        : (await store.open({ kind, n: (latest?.n ?? 0) + 1, openedAt: at, detail })).incident;
    if (!latest || latest.id !== current.id)
      log.warn({ incident: current.id, detail }, 'Partner Center integration incident opened');
    await tell('opened', current);
  }

  async function clear(kind: IncidentKind, at: Date) {
    const latest = await store.latest(kind);
    if (!latest) return;
    // Already resolved: still asked, so a recovery note a crash interrupted is sent (once, by its key).
    const resolved = latest.resolvedAt ? latest : await store.resolve(latest, at);
    if (!latest.resolvedAt) log.info({ incident: latest.id }, 'Partner Center integration incident over');
    await tell('recovered', resolved);
  }

  return {
    async signIn(outcome) {
      if (outcome.ok) await clear('sign-in', outcome.at);
      else await raise('sign-in', outcome.at, outcome.error);
    },
    async webhookReceived(at) {
      await store.recordWebhook(at);
      await clear('webhooks-silent', at);
    },
    async pollFinished(at, onlyPolled) {
      await store.recordPoll(at);
      if (onlyPolled > 0)
        await raise('webhooks-silent', at, `${onlyPolled} referral(s) came in by polling, not by webhook`);
    },
    async status() {
      const [activity, lastSignedInAt, backlog, openIncidents] = await Promise.all([
        store.activity(),
        deps.lastSignedInAt(),
        deps.backlog(),
        store.openIncidents(),
      ]);
      return { ...activity, ...(lastSignedInAt ? { lastSignedInAt } : {}), backlog, openIncidents };
    },
  };
}
