import {
  MongoClient,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Collection,
  type Db,
  type Document,
  type InsertOneOptions,
  type OptionalUnlessRequiredId,
} from 'mongodb';

export interface StoreConnection {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

/**
 * Connects with the official driver. Works the same against MongoDB and the embedded FerretDB.
 * `timeoutMs` bounds how long an operation waits for a reachable server, so an outage becomes a quick 503.
 */
export async function connectStore(
  uri: string,
  database: string,
  timeoutMs: number,
  /** Most commands in flight at once; the driver's default (100) unless given. */
  maxPoolSize?: number,
): Promise<StoreConnection> {
  const client = new MongoClient(uri, {
    ...(maxPoolSize ? { maxPoolSize } : {}),
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    ignoreUndefined: true,
    // FerretDB v1 has no retryable writes; MongoDB retries are harmless to us because every write we rely on is
    // either an insert guarded by a unique index or an idempotent projection update.
    retryWrites: false,
  });
  await client.connect();
  const db = client.db(database);
  return { client, db, close: () => client.close() };
}

/** MongoDB's (and FerretDB's) duplicate-key error: the one concurrency arbiter that holds on both. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoError && error.code === 11000;
}

/**
 * Inserts `doc` unless its `_id` (or another unique key) is taken: true when this caller inserted it, false when
 * someone had. The one arbiter that holds on MongoDB and on FerretDB v1 alike, which has no transactions and
 * applies updates as read-then-overwrite.
 */
export async function insertIfAbsent<T extends Document>(
  collection: Collection<T>,
  doc: OptionalUnlessRequiredId<T>,
  options?: InsertOneOptions,
): Promise<boolean> {
  try {
    await collection.insertOne(doc, options);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Errors that mean "the store cannot be reached right now", as opposed to a bad request or a bug. */
export function isStoreUnavailableError(error: unknown): boolean {
  // MongoNetworkTimeoutError is a MongoNetworkError.
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError
  );
}

export async function pingStore(db: Db): Promise<void> {
  await db.command({ ping: 1 });
}

/** The driver could not select a server at all, so the operation never reached the store. */
export function isNothingSentError(error: unknown): boolean {
  return error instanceof MongoServerSelectionError;
}

/**
 * Errors worth one more try of the same idempotent operation: the store was busy or briefly unreachable. FerretDB
 * over SQLite answers "database is locked" (SQLITE_BUSY) when two writers collide in a way its busy timeout does
 * not cover.
 */
export function isTransientStoreError(error: unknown): boolean {
  return isStoreUnavailableError(error) || isStoreBusyError(error);
}

/** SQLite refused the write before committing anything, so the same write may simply be sent again. */
export function isStoreBusyError(error: unknown): boolean {
  return error instanceof MongoError && /SQLITE_BUSY|database is locked/i.test(error.message);
}

const RETRY_DELAYS_MS = [20, 100, 500];

/** Runs an idempotent operation, trying again after a transient store error (three more tries, ~0.6 s in all). */
export function withTransientRetry<T>(operation: () => Promise<T>): Promise<T> {
  return retrying(operation, isTransientStoreError);
}

/**
 * Runs any write, trying again only when the store was busy: that write was refused whole, so a retry cannot
 * make it happen twice (after a lost connection it might have).
 */
export function withBusyRetry<T>(operation: () => Promise<T>): Promise<T> {
  return retrying(operation, isStoreBusyError);
}

async function retrying<T>(
  operation: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const delayMs = RETRY_DELAYS_MS[attempt];
      if (delayMs === undefined || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
