import type { Referral } from './referral';
import { expiryWarningAt } from './timers';

/**
 * What the scheduler does for a referral nobody has answered: a reminder in its thread at 24 h, a warning 48 h
 * before it expires, the expiry itself at 14 days (or the source's date), and a redraw of the card when the
 * contact-me flame cools at 72 h.
 */
export type NoticeKind = 'reminder' | 'warning' | 'expiry' | 'flame';
/** Everything the scheduler decides once: the notices above, and the owner's report-back reminder (core/report-back.ts). */
export type ScheduledKind = NoticeKind | 'report-back';

/**
 * The notices due for `referral` at `now`, most advanced only: after downtime a referral that expired gets its
 * expiry, not a late reminder and warning in the same minute, and one past its warning time gets no reminder.
 * Answered referrals get nothing.
 */
export function dueNotices(referral: Referral, now: Date): NoticeKind[] {
  if (referral.status !== 'New') return [];
  const at = now.getTime();
  if (at >= referral.expiresAt.getTime()) return ['expiry'];
  const due: NoticeKind[] = [];
  if (at >= expiryWarningAt(referral).getTime()) due.push('warning');
  else if (at >= referral.respondByAt.getTime()) due.push('reminder');
  if (referral.customerRequestedContact && referral.flameEndsAt && at >= referral.flameEndsAt.getTime())
    due.push('flame');
  return due;
}

/**
 * The first moment any notice can fall due for a New referral: its 24 h mark, or its expiry warning when a short
 * expiry from the source comes first. Nothing is due before it, so the scheduler need not look at it earlier.
 */
export function firstNoticeAt(referral: Pick<Referral, 'respondByAt' | 'expiresAt'>): Date {
  return new Date(Math.min(referral.respondByAt.getTime(), expiryWarningAt(referral).getTime()));
}

/** The key that makes each notice happen once per referral, whoever decides it and however often. */
export const noticeKey = (kind: NoticeKind, referralId: string) => `notice:${kind}:${referralId}`;
