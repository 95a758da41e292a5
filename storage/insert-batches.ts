import { MongoBulkWriteError, type Collection, type Document, type OptionalUnlessRequiredId } from 'mongodb';

/**
 * Inserts sent together: while one batch is at the store, the inserts that arrive wait and go as the next batch,
 * one `insertMany` (on the embedded store, one SQLite transaction, so one sync to disk for all of them). Nobody
 * waits longer than one batch, and a lone insert goes at once. Each caller learns its own outcome, as
 * `insertIfAbsent` says it: true when it inserted the document, false when one with its unique key was there.
 * When the store cannot say which documents landed (a lost connection, a busy store), every insert of that batch
 * fails with the error, as each might have alone; a retry then finds its own document and answers false, so
 * callers use this only where "it was already there" is handled as a repeat.
 */
export function insertBatches<T extends Document>(
  collection: Collection<T>,
  maxBatch = 100,
): (doc: OptionalUnlessRequiredId<T>) => Promise<boolean> {
  type Waiting = {
    doc: OptionalUnlessRequiredId<T>;
    done(inserted: boolean): void;
    fail(error: unknown): void;
  };
  const queue: Waiting[] = [];
  let isSending = false;

  async function sendAll(): Promise<void> {
    isSending = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await collection.insertMany(
          batch.map((waiting) => waiting.doc),
          { ordered: false },
        );
        for (const waiting of batch) waiting.done(true);
      } catch (error) {
        const refused = refusedByIndex(error);
        const cause = driverErrorOf(error);
        batch.forEach((waiting, index) => {
          const code = refused?.get(index);
          if (!refused) waiting.fail(cause);
          else if (code === undefined) waiting.done(true);
          else if (code === DUPLICATE_KEY) waiting.done(false);
          else waiting.fail(error);
        });
      }
    }
    isSending = false;
  }

  return (doc) =>
    new Promise<boolean>((done, fail) => {
      queue.push({ doc, done, fail });
      if (!isSending) void sendAll();
    });
}

const DUPLICATE_KEY = 11000;

/**
 * The driver wraps a failure of the whole command (no server, a lost connection) in a MongoBulkWriteError with no
 * write errors; callers tell those failures apart by the driver's own error, as they would for one `insertOne`.
 */
function driverErrorOf(error: unknown): unknown {
  if (!(error instanceof MongoBulkWriteError)) return error;
  // The driver keeps what it wrapped as the error's `errorResponse`.
  const wrapped: unknown = error.errorResponse;
  return wrapped instanceof Error ? wrapped : error;
}

/**
 * The error code of each document the store refused, by its index in the batch; undefined when the error names
 * none (then which of them landed is unknown).
 */
function refusedByIndex(error: unknown): Map<number, number> | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const named = [error.writeErrors].flat().filter((writeError) => writeError !== undefined);
  if (named.length === 0) return undefined;
  return new Map(named.map((writeError) => [writeError.index, writeError.code]));
}
