import type { CardPostStore, PostRecord } from '../../storage/card-posts';
import type { PostedActivity } from './connector-client';

export type { PostRecord };

export type PostOutcome =
  | ({ status: 'sent' } & PostedActivity)
  | ({ status: 'already-sent' } & PostedActivity)
  | { status: 'in-flight' }
  | { status: 'failed'; error: unknown };

export interface PostRequest {
  key: string;
  now: Date;
  /** How long a sender may take before another instance presumes it crashed and takes over. */
  leaseMs?: number;
  send: () => Promise<PostedActivity>;
}

/**
 * Posts a message at most once per key across instances and restarts; a failed or crashed attempt is completed
 * by the next call with the same key (the card sweep and the scheduler call again every tick).
 */
export interface PostOnce {
  postOnce(request: PostRequest): Promise<PostOutcome>;
  getPost(key: string): Promise<PostRecord | undefined>;
}

// Longer than the paced sender's worst case (six attempts with capped backoff), so a live sender keeps its lease.
export const DEFAULT_POST_LEASE_MS = 5 * 60_000;

export function createPostOnce(store: CardPostStore): PostOnce {
  async function getPost(key: string): Promise<PostRecord | undefined> {
    const sent = await store.sent(key);
    if (sent) return sent;
    const latest = await store.latestAttempt(key);
    return latest
      ? {
          key,
          state: latest.state,
          attempt: latest.attempt,
          leaseUntil: latest.leaseUntil,
          lastError: latest.error,
        }
      : undefined;
  }

  async function postOnce({
    key,
    now,
    leaseMs = DEFAULT_POST_LEASE_MS,
    send,
  }: PostRequest): Promise<PostOutcome> {
    const sent = await store.sent(key);
    if (sent) return alreadySent(sent);
    const latest = await store.latestAttempt(key);
    if (latest?.state === 'sending' && latest.leaseUntil > now) return { status: 'in-flight' };
    const attempt = (latest?.attempt ?? 0) + 1;
    if (!(await store.claim(key, attempt, new Date(now.getTime() + leaseMs)))) return { status: 'in-flight' };
    // A holder whose lease ran out may have finished after we looked.
    const finished = await store.sent(key);
    if (finished) {
      await store.recordFailed(key, attempt, 'superseded: already sent');
      return alreadySent(finished);
    }
    let posted: PostedActivity;
    try {
      posted = await send();
    } catch (error) {
      await store.recordFailed(key, attempt, error instanceof Error ? error.message : String(error));
      return { status: 'failed', error };
    }
    // The one window left: a crash after Teams accepted the post and before this line re-sends on the next
    // attempt. The Bot Connector API takes no idempotency key, so nothing on our side can close it.
    await store.recordSent(key, attempt, posted, now);
    return { status: 'sent', ...posted };
  }

  return { postOnce, getPost };
}

function alreadySent(record: PostRecord): PostOutcome {
  return {
    status: 'already-sent',
    conversationId: record.conversationId ?? '',
    activityId: record.activityId ?? '',
  };
}
