import { CLOSE_REASONS, type CloseReason } from '../core/referral';

/**
 * Partner Center's decline/lost reasons as its UI words them (docs/partner-center.md, "Writing back"). The
 * API's `statusReason` is free text in the published schema, so these are sent as written and read back leniently.
 */
const WORDING: Record<CloseReason, string> = {
  'budget-inadequate': "Project budget isn't adequate",
  'customer-unresponsive': "Customer didn't respond",
  'chose-another-vendor': 'Customer chose another vendor',
  'requirement-not-met': 'Customer requirement not met',
  'not-a-customer': 'Not a customer',
  'timeline-too-short': 'Proposed timeline was too short',
  'abuse-spam-phishing': 'Report as abuse, spam or phishing',
  other: 'Other',
};

export function statusReasonFor(reason: CloseReason): string {
  return WORDING[reason];
}

const normalized = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** Our reason for a `statusReason`, matching our code or Partner Center's wording; undefined for anything else. */
export function closeReasonFrom(raw: unknown): CloseReason | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = normalized(raw);
  return CLOSE_REASONS.find((reason) => normalized(reason) === text || normalized(WORDING[reason]) === text);
}
