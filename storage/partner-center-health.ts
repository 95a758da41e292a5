import type { Collection, Db } from 'mongodb';
import type { Incident, IncidentKind } from '../core/integration-incident';
import { insertIfAbsent } from './mongo';

export type { Incident, IncidentKind };

/** When the integration last heard from Partner Center, on any instance. */
export interface IntegrationActivity {
  lastWebhookAt?: Date;
  lastPollAt?: Date;
}

export interface PartnerCenterHealthStore {
  recordWebhook(at: Date): Promise<void>;
  recordPoll(at: Date): Promise<void>;
  activity(): Promise<IntegrationActivity>;
  /** The newest incident of `kind`, open or resolved. */
  latest(kind: IncidentKind): Promise<Incident | undefined>;
  /**
   * Opens incident `n` of its kind by a unique insert: `opened` for the one writer that made it, `taken` for any
   * other that tried the same `n` (it is already open). Two workers seeing the same failure open one incident.
   */
  open(
    incident: Omit<Incident, 'id' | 'resolvedAt'>,
  ): Promise<{ outcome: 'opened' | 'taken'; incident: Incident }>;
  /** Marks the incident resolved; idempotent (the first time is kept). */
  resolve(incident: Incident, at: Date): Promise<Incident>;
  /** Every incident still open. */
  openIncidents(): Promise<Incident[]>;
}

type IncidentDoc = Omit<Incident, 'id'> & { _id: string };
type ActivityDoc = IntegrationActivity & { _id: 'partner-center' };

export const PARTNER_CENTER_INCIDENTS = 'partner_center_incidents';
export const PARTNER_CENTER_ACTIVITY = 'partner_center_activity';

const incidentId = (kind: IncidentKind, n: number) => `${kind}:${n}`;
const toIncident = ({ _id, ...rest }: IncidentDoc): Incident => ({ id: _id, ...rest });

// Both collections stay tiny (one activity document, a handful of incidents), so their scans cost nothing.
export function partnerCenterHealth(db: Db): PartnerCenterHealthStore {
  const incidents: Collection<IncidentDoc> = db.collection<IncidentDoc>(PARTNER_CENTER_INCIDENTS);
  const activity: Collection<ActivityDoc> = db.collection<ActivityDoc>(PARTNER_CENTER_ACTIVITY);
  // Times only move forward; two instances writing at once may leave either time, both recent.
  const touch = (field: keyof IntegrationActivity, at: Date) =>
    activity.updateOne({ _id: 'partner-center' }, { $max: { [field]: at } }, { upsert: true });
  return {
    async recordWebhook(at) {
      await touch('lastWebhookAt', at);
    },
    async recordPoll(at) {
      await touch('lastPollAt', at);
    },
    async activity() {
      const doc = await activity.findOne({ _id: 'partner-center' });
      return doc ? { lastWebhookAt: doc.lastWebhookAt, lastPollAt: doc.lastPollAt } : {};
    },
    async latest(kind) {
      const [doc] = await incidents.find({ kind }).sort({ n: -1 }).limit(1).toArray();
      return doc ? toIncident(doc) : undefined;
    },
    async open(incident) {
      const id = incidentId(incident.kind, incident.n);
      const opened = await insertIfAbsent(incidents, { _id: id, ...incident });
      if (opened) return { outcome: 'opened', incident: { id, ...incident } };
      const existing = await incidents.findOne({ _id: id });
      return { outcome: 'taken', incident: existing ? toIncident(existing) : { id, ...incident } };
    },
    async resolve(incident, at) {
      await incidents.updateOne(
        { _id: incident.id, resolvedAt: { $exists: false } },
        { $set: { resolvedAt: at } },
      );
      const doc = await incidents.findOne({ _id: incident.id });
      return doc ? toIncident(doc) : { ...incident, resolvedAt: at };
    },
    async openIncidents() {
      const docs = await incidents.find({ resolvedAt: { $exists: false } }).toArray();
      return docs.map(toIncident).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
    },
  };
}
