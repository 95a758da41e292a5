/** What can go wrong with the Partner Center integration that nobody would notice until cards say "sync failed". */
export type IncidentKind = 'sign-in' | 'webhooks-silent';

/** One stretch of trouble: opened once, resolved once. Its id is `<kind>:<n>`, n counting from 1 per kind. */
export interface Incident {
  id: string;
  kind: IncidentKind;
  n: number;
  openedAt: Date;
  /** What was seen (an error message, how many referrals only the poller brought). Never a token. */
  detail: string;
  resolvedAt?: Date;
}
