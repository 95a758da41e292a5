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

/** The reason in Partner Center's words, then the team's note after a colon when there is one. */
export function statusReasonFor(reason: CloseReason, notes?: string): string {
  const note = notes?.trim();
  return note ? `${WORDING[reason]}: ${note}` : WORDING[reason];
}

const normalized = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** Our reason for a `statusReason`, matching our code or Partner Center's wording; undefined for anything else. */
export function closeReasonFrom(raw: unknown): CloseReason | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  // Ours carry a note after the reason ("Customer chose another vendor: went with Contoso"); so may others'.
  const candidates = [raw, raw.split(':')[0] ?? ''].map(normalized);
  return CLOSE_REASONS.find((reason) =>
    candidates.some((text) => normalized(reason) === text || normalized(WORDING[reason]) === text),
  );
}
