import type { Db, Document } from 'mongodb';
import { insertIfAbsent } from './mongo';
import { NOTICE_QUEUE, SCHEDULED_NOTICES } from './scheduled-notices';
import { POST_ATTEMPTS, POSTED_MESSAGES } from './posted-messages';
import { REFERRALS } from './referrals';
import { REFERRAL_EVENTS } from './referral-events';
import { SYNC_OUTBOX, SYNC_QUEUE } from './sync-outbox';
import { OPEN_REFERRALS } from './open-referrals';
import { WAITING_CARDS } from './waiting-cards';

/**
 * One-time changes to what is already stored, run at start-up in order. Each is idempotent (a crash half-way
 * through runs it again) and is recorded once done, so later starts skip it. Two instances starting together may
 * both run one; idempotence makes that harmless.
 */
interface Migration {
  id: string;
  run(db: Db): Promise<void>;
}

export const MIGRATIONS_COLLECTION = 'migrations';

export const MIGRATIONS: readonly Migration[] = [
  {
    // One word for each thing: "reminder" (was "nudge"), posted messages (were card posts), `…At` for instants.
    id: '2026-12-01-one-word-for-each-thing',
    async run(db) {
      await moveCollection(db, 'card_posts', POSTED_MESSAGES, (doc) =>
        renameField({ ...doc, _id: reminderKey(doc._id) }, 'leaseUntil', 'leaseEndsAt'),
      );
      await moveCollection(db, 'card_post_attempts', POST_ATTEMPTS, (doc) =>
        renameField(
          { ...doc, _id: reminderKey(doc._id), key: reminderKey(doc['key']) },
          'leaseUntil',
          'leaseEndsAt',
        ),
      );
      for (const name of [SCHEDULED_NOTICES, NOTICE_QUEUE]) await renameNudges(db, name);
      await rewriteWhere(db, REFERRALS, { flameUntil: { $exists: true } }, (doc) =>
        renameField(doc, 'flameUntil', 'flameEndsAt'),
      );
      await rewriteWhere(
        db,
        REFERRALS,
        { 'closure.dealRegistration.closedOn': { $exists: true } },
        (doc) => ({
          ...doc,
          closure: { ...doc['closure'], dealRegistration: closedAtOf(doc['closure'].dealRegistration) },
        }),
      );
      await rewriteWhere(db, REFERRAL_EVENTS, { 'dealRegistration.closedOn': { $exists: true } }, (doc) => ({
        ...doc,
        dealRegistration: closedAtOf(doc['dealRegistration']),
      }));
    },
  },
  {
    // The write-back outbox keeps live work in a small queue of its own (FerretDB scans any query but `_id`).
    id: '2026-12-02-sync-queue',
    async run(db) {
      const queue = db.collection<KeyedDoc>(SYNC_QUEUE);
      for await (const doc of db
        .collection<KeyedDoc>(SYNC_OUTBOX)
        .find({ state: { $in: ['pending', 'given-up'] } }))
        await insertIfAbsent(queue, doc);
    },
  },
  {
    // Cards waiting for a channel are kept in a collection of their own, for referrals in any state.
    id: '2026-12-02-waiting-cards',
    async run(db) {
      const waiting = db.collection<KeyedDoc>(WAITING_CARDS);
      for await (const doc of db.collection<KeyedDoc>(OPEN_REFERRALS).find({ cardPosted: { $ne: true } }))
        await insertIfAbsent(waiting, { _id: doc._id, since: doc['receivedAt'] });
      await db.collection(OPEN_REFERRALS).updateMany({}, { $unset: { cardPosted: '' } });
    },
  },
];

/** Runs the migrations not yet recorded; returns the ids it ran. */
export async function migrate(db: Db, now: Date): Promise<string[]> {
  const done = db.collection<{ _id: string; at: Date }>(MIGRATIONS_COLLECTION);
  const ran: string[] = [];
  for (const migration of MIGRATIONS) {
    if (await done.findOne({ _id: migration.id })) continue;
    await migration.run(db);
    await insertIfAbsent(done, { _id: migration.id, at: now });
    ran.push(migration.id);
  }
  return ran;
}

// Every collection renamed here is keyed by string ids.
type KeyedDoc = Document & { _id: string };
const reminderKey = (key: unknown) => String(key).replace(/^notice:nudge:/, 'notice:reminder:');

function renameField(doc: Document, from: string, to: string): Document {
  if (!(from in doc)) return doc;
  const { [from]: value, ...rest } = doc;
  return { ...rest, [to]: value };
}

const closedAtOf = (deal: Document) => renameField(deal, 'closedOn', 'closedAt');

/** Copies every document (rewritten) into `to`, then drops `from`; a copy interrupted half-way resumes. */
async function moveCollection(db: Db, from: string, to: string, rewrite: (doc: KeyedDoc) => Document) {
  const source = db.collection<KeyedDoc>(from);
  for await (const doc of source.find({})) await insertIfAbsent(db.collection(to), rewrite(doc));
  await source.drop().catch(() => undefined);
}

async function renameNudges(db: Db, name: string) {
  const collection = db.collection<KeyedDoc>(name);
  for await (const doc of collection.find({ kind: 'nudge' })) {
    await insertIfAbsent(collection, { ...doc, _id: reminderKey(doc._id), kind: 'reminder' });
    await collection.deleteOne({ _id: doc._id });
  }
}

async function rewriteWhere(db: Db, name: string, filter: Document, rewrite: (doc: KeyedDoc) => Document) {
  const collection = db.collection<KeyedDoc>(name);
  for await (const doc of collection.find(filter))
    await collection.replaceOne({ _id: doc._id }, rewrite(doc));
}
