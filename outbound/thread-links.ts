import type { Digest } from '../core/digest';
import { cardKey, threadUrlOf } from '../services/thread-link';
import type { PostOnce } from './post-once';

/** Teams links to where a referral's card is: its thread, for buttons in notes and digests. */
export interface ThreadLinks {
  /** The link to the referral's thread; undefined while its card is not posted. */
  threadUrl(referralId: string, tenantId: string | undefined): Promise<string | undefined>;
}

/** Reads where each referral's card was posted (`services/thread-link.ts` makes the link). */
export function createThreadLinks(posts: Pick<PostOnce, 'getPost'>): ThreadLinks {
  return {
    async threadUrl(referralId, tenantId) {
      return threadUrlOf(await posts.getPost(cardKey(referralId)), tenantId);
    },
  };
}

/** The thread links of every referral a digest lists by name, for its Open buttons. */
export async function digestThreadUrls(
  links: ThreadLinks,
  digest: Pick<Digest, 'overdueItems' | 'expiringItems' | 'reportBackItems'>,
  tenantId: string | undefined,
): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  for (const { id } of [...digest.overdueItems, ...digest.expiringItems, ...digest.reportBackItems]) {
    const url = urls[id] ?? (await links.threadUrl(id, tenantId));
    if (url) urls[id] = url;
  }
  return urls;
}
