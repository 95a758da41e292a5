import { createDigest, type Digest, type DigestPeriod } from '../core/digest';
import type { DigestSource } from '../storage/digest-source';
import type { ReferralRoutes } from '../storage/referral-routes';

/** Builds a digest from the store: what the `digest` command shows and the scheduler sends. */
export interface DigestBuilder {
  /** A channel's digest covers the referrals routed to it; a chat's (no channel) covers all of them. */
  build(channelId: string | undefined, period: DigestPeriod, now: Date): Promise<Digest>;
}

export function createDigestBuilder(deps: { source: DigestSource; routes: ReferralRoutes }): DigestBuilder {
  return {
    async build(channelId, period, now) {
      const ids = channelId ? await deps.routes.referralIdsOf(channelId) : undefined;
      const digest = createDigest(period, now);
      for await (const r of deps.source.receivedIn(period, ids)) digest.received(r);
      for await (const r of deps.source.open(ids)) digest.open(r);
      for await (const r of deps.source.closedIn(period, ids)) digest.closed(r);
      return digest.result();
    },
  };
}
