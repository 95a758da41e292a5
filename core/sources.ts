// Where referrals come from. A referral's id is derived from (source, external id), so these names are part of
// every stored id and never change.

/** The signed generic webhook, `POST /api/referrals`. */
export const WEBHOOK_SOURCE = 'webhook';
/** Partner Center's Referrals API and its webhooks. */
export const PARTNER_CENTER_SOURCE = 'partner-center';

/**
 * Where a referral's write-back to its source stands: decisions queued (`pending`), queued and failing
 * (`failed`), or abandoned by a person (`given-up`). Undefined: nothing left to write back.
 */
export type SyncState = 'pending' | 'failed' | 'given-up';
