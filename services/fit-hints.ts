import { fitHint, type FitHint } from '../core/fit-hint';
import type { ReferralDirectory, Scope } from './referral-directory';

/**
 * The fit hint for a referral from its own team's history (its channel's, for one routed to a group chat), read
 * from the directory: no store scan, no outside service. Undefined before the referral has a place.
 */
export function fitHintFor(
  directory: Pick<ReferralDirectory, 'get' | 'inScope'>,
  referralId: string,
): FitHint | undefined {
  const entry = directory.get(referralId);
  const place = entry?.place;
  if (!entry || !place) return undefined;
  const tenant = place.tenantId ? { tenantId: place.tenantId } : {};
  const team: Scope = place.teamId
    ? { kind: 'teams', teamIds: new Set([place.teamId]), ...tenant }
    : { kind: 'channel', channelId: place.channelId, ...tenant };
  return fitHint(entry, directory.inScope(team));
}
