import type { PostedMessages, PostedMessage } from '../storage/posted-messages';
import type { Clock } from '../platform/clock';
import { CONNECTOR_TIMEOUT_MS, type PostedActivity } from './connector-client';
import { SenderStoppedError } from './paced-sender';

export type { PostedMessage };

export type PostOutcome =
  /** This call sent it. */
  | ({ status: 'sent' } & PostedActivity)
  /** Someone sent it before. */
  | ({ status: 'already-sent' } & PostedActivity)
  /** Another caller holds the lease right now. */
  | { status: 'in-flight' }
  /** This call's send failed; a later call with the same key retries. */
  | { status: 'failed'; error: unknown };

export interface PostRequest {
  key: string;
  now: Date;
  /** How long a sender may take before another instance presumes it crashed and takes over. */
  leaseMs?: number;
  /**
   * Sends the message. `beforeRequest` must run right before each HTTP request goes out (after any pacing wait):
   * it stretches the lease over the request, so no other instance takes over while the post may still land.
   */
  send: (beforeRequest: () => Promise<void>) => Promise<PostedActivity>;
}

/**
 * Posts a message once per key across instances and restarts; a failed or crashed attempt is completed by the
 * next call with the same key (the card sweep and the scheduler call again every tick).
 *
 * One window stays open: if the process dies after Teams accepted the post and before `recordSent` is stored, the
 * attempt after the lease re-sends it. Closing it would need Teams to recognise a repeated request, and the Bot
 * Connector API takes no idempotency key and offers no way to look a post up by anything we chose; asking the
 * channel's history (Graph) would need extra permissions and still race with the send. So the window is kept
 * small instead: `recordSent` is the very next write after the reply, on a majority, journaled write concern.
 */
export interface PostOnce {
  postOnce(request: PostRequest): Promise<PostOutcome>;
  getPost(key: string): Promise<PostedMessage | undefined>;
}

/**
 * A claim's lease: how long after a holder's last sign of life another instance presumes it dead and takes over.
 * A live holder renews it every third of that while its post waits in Teams' pacing, so a crash delays its posts
 * by about a minute, however long the queue.
 */
export const DEFAULT_POST_LEASE_MS = 60_000;
/** From the moment a request goes out: its own timeout, and as much again for clock skew between instances. */
const REQUEST_LEASE_MS = 2 * CONNECTOR_TIMEOUT_MS;

/**
 * `isStopping`: once the service stops, nothing new is claimed (a claim would hold a lease other instances must
 * wait out); the caller is told the post failed, and its work stays recorded for the next start.
 */
export function createPostOnce(
  store: PostedMessages,
  clock: Clock,
  isStopping: () => boolean = () => false,
): PostOnce {
  // A lease guards against a dead sender; this process knows its own are alive, however long Teams keeps them.
  const sendingHere = new Set<string>();

  /** Which attempt this call now holds, or what it found instead. */
  async function claim(key: string, now: Date, leaseEndsAt: Date): Promise<number | PostOutcome> {
    let record = await store.get(key);
    if (!record) {
      if (await store.claimFirst(key, leaseEndsAt, now)) return 1;
      record = await store.get(key);
    }
    if (record?.state === 'sent') return alreadySent(record);
    if (!record || record.leaseEndsAt > now) return { status: 'in-flight' };
    const attempt = record.attempt + 1;
    if (!(await store.claimNext(key, attempt, leaseEndsAt, now))) return { status: 'in-flight' };
    // The holder whose lease ran out may have finished between our read and our claim.
    const latest = await store.get(key);
    if (latest?.state === 'sent') return alreadySent(latest);
    // Or it was only slow (a renewal stuck behind a busy store) and renewed after our read. Each side writes, then
    // reads the other's: the holder renews, then looks for a taker (`sendAs`); a taker claims, then looks at the
    // holder's lease. Whatever the interleaving, at least one of them sees the other and stands down.
    const holderLease = await store.leaseOf(key, record.attempt);
    if (holderLease && holderLease > now) {
      // Our attempt keeps the holder's lease, so whoever comes next waits for it as well.
      await store.recordFailed(key, attempt, 'stood down: the holder renewed its lease', holderLease);
      return { status: 'in-flight' };
    }
    return attempt;
  }

  async function postOnce({
    key,
    now,
    leaseMs = DEFAULT_POST_LEASE_MS,
    send,
  }: PostRequest): Promise<PostOutcome> {
    if (isStopping()) return { status: 'failed', error: new SenderStoppedError() };
    if (sendingHere.has(key)) return { status: 'in-flight' };
    sendingHere.add(key);
    try {
      const claimed = await claim(key, now, new Date(now.getTime() + leaseMs));
      return typeof claimed === 'number' ? await sendAs(key, claimed, now, leaseMs, send) : claimed;
    } finally {
      sendingHere.delete(key);
    }
  }

  async function sendAs(
    key: string,
    attempt: number,
    now: Date,
    leaseMs: number,
    send: PostRequest['send'],
  ): Promise<PostOutcome> {
    // Lease renewals one after another, so none lands after the outcome is recorded.
    let renewals = Promise.resolve();
    let requestLeaseEndsAt = 0;
    const renew = (until: number) => {
      const renewed = renewals.then(() => store.renewLease(key, attempt, new Date(until)));
      renewals = renewed.catch(() => undefined);
      return renewed;
    };
    // A missed heartbeat is made up by the next one; a renewal before a request that fails stops the request.
    const heartbeat = setInterval(
      () => void renew(Math.max(clock().getTime() + leaseMs, requestLeaseEndsAt)).catch(() => undefined),
      leaseMs / 3,
    );
    heartbeat.unref();
    const beforeRequest = async () => {
      requestLeaseEndsAt = clock().getTime() + REQUEST_LEASE_MS;
      await renew(requestLeaseEndsAt);
      // A renewal stuck behind a busy store may have come too late: if another instance took over meanwhile, it
      // posts, and we must not.
      if (await store.leaseOf(key, attempt + 1)) throw new LeaseLostError(key);
    };
    let posted: PostedActivity;
    try {
      posted = await send(beforeRequest);
    } catch (error) {
      clearInterval(heartbeat);
      await renewals;
      if (error instanceof LeaseLostError) return { status: 'in-flight' };
      await store.recordFailed(key, attempt, error instanceof Error ? error.message : String(error), now);
      return { status: 'failed', error };
    }
    clearInterval(heartbeat);
    await store.recordSent(key, attempt, posted, now);
    return { status: 'sent', ...posted };
  }

  return { postOnce, getPost: (key) => store.get(key) };
}

/** Another instance took the post over while this one waited: it is theirs to send now. */
class LeaseLostError extends Error {
  constructor(key: string) {
    super(`${key}: another instance took the post over`);
    this.name = 'LeaseLostError';
  }
}

function alreadySent(record: PostedMessage): PostOutcome {
  return {
    status: 'already-sent',
    conversationId: record.conversationId ?? '',
    activityId: record.activityId ?? '',
  };
}
