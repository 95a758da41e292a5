import type { ReferralService } from '../services/referral-service';
import type { Logger } from '../platform/logger';
import type { Clock } from '../platform/clock';
import { referralIdFor } from '../services/referral-id';
import type { PartnerCenterLinks } from '../storage/partner-center-links';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import { PARTNER_CENTER_ACTOR, readSnapshot } from './referral-snapshot';

export type IngestOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'invalid';

export interface IngestDeps {
  service: ReferralService;
  links: PartnerCenterLinks;
  clock: Clock;
  log: Logger;
}

/**
 * Brings one Partner Center referral into the desk: creates it the first time, in the state Partner Center has it
 * in (an Active or Closed one is never posted as New with Accept and Decline), and applies it as a source update
 * afterwards. Safe to repeat and to run concurrently: creation competes for the referral's first event, and an
 * update older than what the desk has is dropped (by the link first, by the core if two race past the link).
 */
export async function ingestReferral(deps: IngestDeps, json: unknown): Promise<IngestOutcome> {
  const { service, links, clock, log } = deps;
  const read = readSnapshot(json, clock());
  if (!read.ok) {
    const id = (json as { id?: unknown } | null)?.id;
    log.warn(
      { partnerCenterId: id, errors: read.errors },
      'Partner Center referral has invalid fields; not taken in',
    );
    return 'invalid';
  }
  const snapshot = read.value;
  if (snapshot.isOutgoing) return 'skipped';
  const referralId = referralIdFor(PARTNER_CENTER_SOURCE, snapshot.partnerCenterId);
  const link = await links.get(referralId);
  if (link?.lastSeenModifiedAt && snapshot.modifiedAt.getTime() <= link.lastSeenModifiedAt.getTime()) {
    return 'unchanged';
  }
  const { created } = await service.receive(snapshot.incoming, PARTNER_CENTER_ACTOR, snapshot.state);
  let outcome: IngestOutcome = created ? 'created' : 'unchanged';
  if (!created) {
    const update = { referral: snapshot.incoming, modifiedAt: snapshot.modifiedAt, state: snapshot.state };
    const applied = await service.apply(
      referralId,
      { type: 'update-from-source', update },
      PARTNER_CENTER_ACTOR,
    );
    if (applied.status === 'applied') outcome = 'updated';
  }
  await links.recordSeen(referralId, snapshot.partnerCenterId, snapshot.eTag, snapshot.modifiedAt);
  log.info(
    { referralId, partnerCenterId: snapshot.partnerCenterId, outcome },
    'Partner Center referral taken in',
  );
  return outcome;
}
