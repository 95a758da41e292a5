// The shapes of docs/tab-api.md, as the tab reads them. The server is the other side of that page.

export const STATES = ['inbox', 'active', 'won', 'lost', 'declined', 'expired'] as const;
export type State = (typeof STATES)[number];

export const VERBS = ['accept', 'decline', 'won', 'lost', 'edit', 'assign'] as const;
export type Verb = (typeof VERBS)[number];

export interface Me {
  person: { aadObjectId: string; name?: string };
  locale?: string;
  teams: { teamId: string; name?: string; channels: { channelId: string; name?: string }[] }[];
  isAdmin: boolean;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Row {
  id: string;
  shortId: string;
  customer: string;
  state: State;
  substatus?: string;
  size?: string;
  country?: string;
  region?: string;
  solutions: string[];
  receivedAt: string;
  respondBy?: string;
  expiresAt?: string;
  flame?: 'hot' | 'cooled';
  owner?: { id: string; name?: string };
  value?: Money;
  purchaseBy?: string;
  coSell?: boolean;
  place?: { teamId?: string; channelId: string; channelName?: string };
  threadUrl?: string;
  version: number;
}

export interface HistoryLine {
  at: string;
  by?: string;
  kind: string;
  text: string;
}

export interface Contact {
  firstName?: string;
  lastName?: string;
  email?: string;
  phoneNumber?: string;
  name?: string;
}

export interface Detail extends Row {
  contacts: Contact[];
  requirements?: unknown;
  notes?: string;
  engagement?: {
    name?: string;
    value?: Money;
    purchase?: { date?: string; timeframe?: string };
    notes?: string;
    crmId?: string;
  };
  history: HistoryLine[];
  actions: Verb[];
}

export type Counts = Record<State, number>;

export interface ReferralPage {
  counts: Counts;
  total: number;
  page: number;
  pageSize: number;
  items: Row[];
}

export interface SolutionStats {
  name: string;
  received: number;
  accepted: number;
  won: number;
  lost: number;
  wonValue: number;
}

export interface Insights {
  funnel: { received: number; answered: number; accepted: number; won: number };
  response: { onTime: number; late: number; pending: number; medianHours?: number };
  bySolution: SolutionStats[];
  byIndustry: SolutionStats[];
  pipelineByMonth: { month: string; count: number; value: number }[];
  currency?: string;
}

export interface FieldMessage {
  field: string;
  message: string;
}

/** What the tab filters by; each becomes the query parameter of the same name. */
export interface Filters {
  state: State;
  q: string;
  team: string;
  channel: string;
  size: string;
  owner: string;
  ageDays: string;
  flame: boolean;
  minValue: string;
  maxValue: string;
  coSell: boolean;
  sort: string;
  page: number;
  pageSize: number;
}
