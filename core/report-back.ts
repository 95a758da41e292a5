import { formatUtcDay } from './dates';
import type { Status } from './referral';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A referral or its summary: both say their status and, when Active, their engagement's purchase estimate. */
type Reportable = {
  id: string;
  status: Status;
  engagement?: { purchaseDate?: Date } | { purchase: { date?: Date } };
};

function purchaseDateOf({ engagement }: Reportable): Date | undefined {
  if (!engagement) return undefined;
  return 'purchase' in engagement ? engagement.purchase.date : engagement.purchaseDate;
}

/**
 * "Report back": Microsoft asks partners to report deal sizes, closing dates and the outcome. An Active referral
 * whose estimated purchase date is over (the whole UTC day has passed; the date is a calendar day) is due a
 * reminder to its owner to mark it Won or Lost or set a new date. An engagement with only a timeframe has no date
 * to pass, and gets none.
 */
export function isReportBackDue(referral: Reportable, now: Date): boolean {
  const date = purchaseDateOf(referral);
  return referral.status === 'Active' && date !== undefined && now.getTime() >= date.getTime() + DAY_MS;
}

/**
 * Once per referral and purchase date: a new date is a new reminder when it passes too. The key is the unique
 * `_id` whose insert decides the reminder (storage/scheduled-notices.ts), so two workers send one.
 */
export function reportBackKey(referral: Reportable): string | undefined {
  const date = purchaseDateOf(referral);
  return date ? `notice:report-back:${referral.id}:${formatUtcDay(date)}` : undefined;
}
