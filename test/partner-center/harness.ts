// The Partner Center integration as the service runs it (real store, real HTTP), against the local peer, on a
// clock the spec moves.
import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { Db } from 'mongodb';
import type { ChangeEffects } from '../../services/change-effects';
import type { ReferralService } from '../../services/referral-service';
import { testReferralService } from '../support/referral-service';
import { referralIdFor } from '../../services/referral-id';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { ensureIndexes } from '../../storage/indexes';
import { referralEventLog } from '../../storage/referral-events';
import { startPartnerCenter, type PartnerCenter } from '../../partner-center/start-partner-center';
import { partnerCenterWriteBack } from '../../partner-center/write-back';
import { PARTNER_CENTER_DEFAULTS } from '../../app/config';
import { createSignal } from '../../platform/signal';
import { partnerCenterLinks } from '../../storage/partner-center-links';
import { syncOutbox } from '../../storage/sync-outbox';
import { Writable } from 'node:stream';
import { createLogger } from '../../platform/logger';
import { PEER_TOKEN, type PartnerCenterPeer } from '../support/partner-center-peer';

export const START = new Date('2026-11-20T09:00:00Z');

export interface Harness {
  db: Db;
  service: ReferralService;
  /** The change effects behind `service`: `idle()` waits until every decision is queued for writing back. */
  effects: ChangeEffects;
  pc: PartnerCenter;
  /** Base URL of the service's HTTP server with the events route mounted. */
  url: string;
  clock: { now: Date };
  idOf(partnerCenterId: string): string;
  postEvent(event: {
    body: string;
    headers: Record<string, string>;
  }): Promise<{ status: number; body: unknown }>;
  eventCount(partnerCenterId: string): Promise<number>;
  close(): Promise<void>;
}

/** Each harness has its own database on the shared store, so specs do not see each other's referrals. */
export async function startHarness(
  storeUri: string,
  peer: PartnerCenterPeer,
  database: string,
): Promise<Harness> {
  const connection: StoreConnection = await connectStore(storeUri, database, 5000);
  await ensureIndexes(connection.db);
  const clock = { now: START };
  const log = createLogger('debug', new Writable({ write: (_chunk, _encoding, done) => done() }));
  const events = referralEventLog(connection.db);
  const outbox = syncOutbox(connection.db);
  const { service, effects } = testReferralService(connection.db, {
    clock: () => clock.now,
    effects: [partnerCenterWriteBack({ outbox, events, clock: () => clock.now })],
  });
  const pc = await startPartnerCenter({
    settings: {
      apiUrl: peer.apiUrl,
      auth: {
        clientId: 'app',
        tenantId: 'tenant-id',
        refreshToken: 'unused',
        authorityHost: PARTNER_CENTER_DEFAULTS.authorityHost,
      },
      pollCron: PARTNER_CENTER_DEFAULTS.pollCron,
      drainIntervalMs: PARTNER_CENTER_DEFAULTS.drainIntervalMs,
      webhook: {
        rootsPem: peer.rootPem,
        certificateHosts: [peer.certificateHost],
        issuerHosts: [peer.issuerHost],
        organization: PARTNER_CENTER_DEFAULTS.organization,
      },
    },
    service,
    links: partnerCenterLinks(connection.db),
    outbox,
    events,
    writeBackQueued: createSignal(),
    clock: () => clock.now,
    log,
    getToken: async () => PEER_TOKEN,
    tlsCa: peer.rootPem,
    isManual: true,
  });
  const server: Server = restify.createServer({ handleUncaughtExceptions: false });
  for (const [path, handler] of Object.entries(pc.routes)) server.post(path, handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    db: connection.db,
    service,
    effects,
    // Decisions reach the outbox in the background, after the click: a drain waits for them, as the real one
    // is woken by them.
    pc: {
      ...pc,
      drainOutbox: async (now) => {
        await effects.idle();
        return pc.drainOutbox(now);
      },
    },
    url,
    clock,
    idOf: (partnerCenterId) => referralIdFor('partner-center', partnerCenterId),
    async postEvent({ body, headers }) {
      const response = await fetch(`${url}/api/partner-center/events`, { method: 'POST', body, headers });
      return { status: response.status, body: await response.json() };
    },
    eventCount: (partnerCenterId) =>
      connection.db
        .collection('referral_events')
        .countDocuments({ referralId: referralIdFor('partner-center', partnerCenterId) }),
    async close() {
      await pc.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await connection.close();
    },
  };
}

/** A pending, incoming referral as Partner Center's API returns it. */
export function pendingReferral(
  id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    engagementId: `eng-${id}`,
    name: `Contoso ${id}`,
    direction: 'Incoming',
    createdDateTime: '2026-11-20T08:55:00Z',
    expirationDateTime: '2026-12-04T08:55:00Z',
    status: 'New',
    substatus: 'Pending',
    customerProfile: {
      name: 'Contoso Customer Inc',
      address: { city: 'Redmond', state: 'WA', country: 'US' },
      size: '51to250employees',
      team: [
        { firstName: 'Sue', lastName: 'Smith', email: 'sue.smith@contoso.com', phoneNumber: '1234567890' },
      ],
    },
    consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
    details: {
      notes: 'Looking for Dynamics 365 for the supply chain.',
      dealValue: 50000,
      currency: 'USD',
      requirements: { industries: [{ id: 'Manufacturing' }], products: [], services: [], solutions: [] },
      customerRequestedContact: true,
    },
    team: [],
    ...overrides,
  };
}
