import { createDigest, type Digest, type DigestPeriod } from '../core/digest';
import type { Scope } from './referral-directory';
import type { ReferralLists } from './referral-lists';

/** Builds a digest over what a scope may see: what the `digest` command shows and the scheduler sends. */
export interface DigestBuilder {
  build(scope: Scope, period: DigestPeriod, now: Date): Digest;
}

export function createDigestBuilder(lists: ReferralLists): DigestBuilder {
  return {
    build(scope, period, now) {
      const digest = createDigest(period, now);
      for (const r of lists.receivedBetween(scope, period.from, period.to)) digest.received(r);
      for (const r of lists.open(scope)) digest.open(r);
      for (const r of lists.closedBetween(scope, period.from, period.to)) digest.closed(r);
      return digest.result();
    },
  };
}
