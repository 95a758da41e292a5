// Historical referrals written straight into a database, as the service would have stored them over two years:
// the event log, the projection, the route to its channel and the card posted for it. Built with the core's pure
// functions, so the documents are the service's own; written with insertMany, because going through intake would
// take FerretDB over SQLite tens of minutes at 50k.
import type { Db, Document } from 'mongodb';
import { commit, decide, receive, type Command } from '../core/lifecycle';
import { parseIncomingReferral } from '../core/intake';
import type { ReferralEvent } from '../core/events';
import type { Actor, Referral } from '../core/referral';
import { WEBHOOK_SOURCE } from '../core/sources';
import { referralIdFor } from '../services/referral-id';
import { ensureIndexes } from '../storage/indexes';
import { migrate } from '../storage/migrations';
import { OPEN_REFERRALS } from '../storage/open-referrals';
import { POST_ATTEMPTS, POSTED_MESSAGES } from '../storage/posted-messages';
import { REFERRAL_EVENTS } from '../storage/referral-events';
import { REFERRAL_ROUTES } from '../storage/referral-routes';
import { REFERRALS } from '../storage/referrals';
import { sampleReferralJson } from '../test/support/sample-referral';
import { DANA, GENERAL, LEE, TEAM, TENANT_ID } from '../test/support/teams-client';

const DAY_MS = 24 * 3600_000;
const BATCH = 1000;
const SOURCE: Actor = { kind: 'source', id: WEBHOOK_SOURCE, name: 'Signed webhook' };
const SCHEDULER: Actor = { kind: 'system', id: 'scheduler', name: 'Scheduler' };
const people: Actor[] = [DANA, LEE].map((p) => ({ kind: 'user' as const, id: p.aadObjectId, name: p.name }));

type Outcome = 'declined' | 'lost' | 'won' | 'expired' | 'active' | 'new';
/** A realistic spread, per 100 referrals: most answered long ago, a quarter being worked on, a few open. */
const SPREAD: [Outcome, number][] = [
  ['declined', 30],
  ['lost', 15],
  ['won', 15],
  ['expired', 12],
  ['active', 25],
  ['new', 3],
];

function outcomeOf(i: number): Outcome {
  let slot = (i * 37) % 100; // interleaved, so any slice of the history has the same spread
  for (const [outcome, share] of SPREAD) {
    if (slot < share) return outcome;
    slot -= share;
  }
  return 'declined';
}

const accept: Command = {
  type: 'accept',
  input: {
    engagementName: 'Landing zone engagement',
    value: '50000',
    currency: 'USD',
    purchaseTimeframe: '3-6-months',
    notes: 'First call done',
    crmId: 'CRM-1000',
  },
};
const STEPS: Record<Outcome, { command: Command; afterMs: number }[]> = {
  new: [],
  declined: [
    { command: { type: 'decline', input: { reason: 'requirement-not-met' } }, afterMs: 5 * 3600_000 },
  ],
  expired: [{ command: { type: 'expire' }, afterMs: 14 * DAY_MS }],
  active: [{ command: accept, afterMs: 3 * 3600_000 }],
  won: [
    { command: accept, afterMs: 3 * 3600_000 },
    { command: { type: 'won', input: { notes: 'Signed' } }, afterMs: 40 * DAY_MS },
  ],
  lost: [
    { command: accept, afterMs: 3 * 3600_000 },
    { command: { type: 'lost', input: { reason: 'chose-another-vendor' } }, afterMs: 20 * DAY_MS },
  ],
};

/** One historical referral: its events and the referral they leave. */
export function historical(i: number, now: Date): { events: ReferralEvent[]; referral: Referral } {
  const outcome = outcomeOf(i);
  // Open ones arrived in the last 12 days; the rest over the two years before the last two weeks.
  const ageDays = outcome === 'new' ? 1 + (i % 12) : 15 + ((i * 7919) % 700);
  const receivedAt = new Date(now.getTime() - ageDays * DAY_MS - (i % 86_400) * 1000);
  const externalId = `history-${i}`;
  const json = sampleReferralJson(externalId, {
    name: `Referral ${i}`,
    createdDateTime: receivedAt.toISOString(),
  });
  const parsed = parseIncomingReferral(json, WEBHOOK_SOURCE, receivedAt);
  if (!parsed.ok) throw new Error(`history referral ${i} invalid: ${JSON.stringify(parsed.errors)}`);
  let { event, referral } = receive(
    parsed.value,
    referralIdFor(WEBHOOK_SOURCE, externalId),
    SOURCE,
    receivedAt,
  );
  const events = [event];
  for (const { command, afterMs } of STEPS[outcome]) {
    const at = new Date(receivedAt.getTime() + afterMs);
    const decision = decide(referral, command, at);
    if (!decision.ok) throw new Error(`history referral ${i}: ${command.type} refused`);
    const actor = command.type === 'expire' ? SCHEDULER : people[i % people.length]!;
    ({ event, referral } = commit(referral, decision.value, actor, at));
    events.push(event);
  }
  return { events, referral };
}

/** The documents of each collection for referrals [from, to). */
function documentsFor(from: number, to: number, now: Date): Map<string, Document[]> {
  const docs = new Map<string, Document[]>(
    [REFERRAL_EVENTS, REFERRALS, REFERRAL_ROUTES, POSTED_MESSAGES, POST_ATTEMPTS, OPEN_REFERRALS].map((c) => [
      c,
      [],
    ]),
  );
  const add = (collection: string, doc: Document) => docs.get(collection)!.push(doc);
  for (let i = from; i < to; i++) {
    const { events, referral } = historical(i, now);
    const { id, receivedAt } = referral;
    for (const event of events) add(REFERRAL_EVENTS, { _id: `${id}:${event.seq}`, ...event });
    add(REFERRALS, { _id: id, ...referral, savedAt: events.at(-1)!.at });
    add(REFERRAL_ROUTES, {
      _id: id,
      channelId: GENERAL.id,
      teamId: TEAM.id,
      tenantId: TENANT_ID,
      decidedAt: receivedAt,
    });
    const key = `referral-card:${id}`;
    const postedAt = new Date(receivedAt.getTime() + 2000);
    const leaseEndsAt = new Date(receivedAt.getTime() + 5 * 60_000);
    const activityId = String(1_700_000_000_000 + i);
    add(POSTED_MESSAGES, {
      _id: key,
      state: 'sent',
      attempt: 1,
      leaseEndsAt,
      createdAt: receivedAt,
      conversationId: `${GENERAL.id};messageid=${activityId}`,
      activityId,
      sentAt: postedAt,
    });
    add(POST_ATTEMPTS, { _id: `${key}#1`, key, attempt: 1, leaseEndsAt, claimedAt: receivedAt });
    if (referral.status === 'New') add(OPEN_REFERRALS, { _id: id, receivedAt });
  }
  return docs;
}

/**
 * Writes `size` historical referrals into `db`, after the indexes and migrations a running service would have
 * made (so the service starting on it later finds nothing to migrate); returns how many documents it wrote.
 */
export async function preloadHistory(db: Db, size: number, now: Date): Promise<number> {
  await ensureIndexes(db);
  await migrate(db, now);
  let written = 0;
  for (let from = 0; from < size; from += BATCH) {
    for (const [collection, docs] of documentsFor(from, Math.min(size, from + BATCH), now)) {
      for (let i = 0; i < docs.length; i += BATCH) {
        await db.collection(collection).insertMany(docs.slice(i, i + BATCH));
        written += Math.min(BATCH, docs.length - i);
      }
    }
  }
  return written;
}
