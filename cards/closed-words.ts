import type { ClosedSubstatus } from '../core/referral';

/** What people type after `archived`, in English or Korean. */
export const CLOSED_WORDS: Record<string, ClosedSubstatus> = {
  won: 'Won',
  lost: 'Lost',
  declined: 'Declined',
  expired: 'Expired',
  성사: 'Won',
  실패: 'Lost',
  거절: 'Declined',
  만료: 'Expired',
};
