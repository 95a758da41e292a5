// The shapes of docs/tab-api.md, as the tab reads them. The server is the other side of that page.

export const STATES = ['inbox', 'active', 'won', 'lost', 'declined', 'expired'] as const;
export type State = (typeof STATES)[number];

export const VERBS = ['accept', 'decline', 'won', 'lost', 'edit', 'assign'] as const;
export type Verb = (typeof VERBS)[number];

export interface Me {
  person: { aadObjectId: string; name?: string; tenantId?: string };
  teams: {
    teamId: string;
    name?: string;
    isAdmin: boolean;
    channels: { channelId: string; name?: string }[];
  }[];
  /** A referral admin of at least one of the teams: the one who sees Insights first. */
  isAdmin: boolean;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Row {
  id: string;
  shortId: string;
  /** The referral's own title (Partner Center's `name`). */
  name: string;
  customer: string;
  state: State;
  substatus: string;
  size?: string;
  country?: string;
  city?: string;
  region?: string;
  solutions: string[];
  industries: string[];
  receivedAt: string;
  respondBy: string;
  expiresAt: string;
  flame?: 'hot' | 'cooled';
  owner?: { id: string; name?: string };
  value?: Money;
  purchaseBy?: string;
  coSell?: boolean;
  place?: { teamId?: string; channelId: string; channelName?: string };
  version: number;
}

export interface Actor {
  kind?: string;
  id: string;
  name?: string;
}

export interface HistoryLine {
  at: string;
  by?: Actor;
  kind: string;
  /** The card's history line, in the language and zone the tab asked for. */
  text: string;
}

export interface Contact {
  firstName: string;
  lastName?: string;
  email?: string;
  phoneNumber?: string;
}

export interface Detail extends Row {
  contacts: Contact[];
  /** The partner's own people on the referral. */
  team: Contact[];
  requirements: { solutions: string[]; products: string[]; services: string[]; industries: string[] };
  notes?: string;
  engagement?: {
    name: string;
    value: Money;
    purchaseDate?: string;
    purchaseTimeframe?: string;
    notes?: string;
    crmId?: string;
  };
  response?: { action: string; by: Actor; at: string };
  closure?: {
    substatus: string;
    by: Actor;
    at: string;
    reason?: string;
    notes?: string;
    dealRegistration?: { value: Money; closedAt: string; microsoftContactEmail?: string; notes?: string };
  };
  /** The team members Assign may name. */
  assignees: { id: string; name: string }[];
  threadUrl?: string;
  history: HistoryLine[];
  actions: Verb[];
}

export type Counts = Record<State, number>;

/** A list row's values as the service wrote them, in the language and zone the list was asked in. */
export interface RowShown {
  size?: string;
  receivedAt?: string;
  respondBy?: string;
  purchaseBy?: string;
  value?: string;
}

export interface ListRow extends Row {
  shown: RowShown;
}

export interface ReferralPage {
  counts: Counts;
  total: number;
  page: number;
  pageSize: number;
  items: ListRow[];
  /** The page's range, its numbers as the language writes them. */
  shown: { from: string; to: string; total: string };
}

// The insights travel as they are computed: the core's type is the wire's (it holds no dates).
export type { GroupInsight, PipelineInsights } from '../../core/pipeline-insights';

export interface FieldMessage {
  field: string;
  /** The core's message, in English. */
  message: string;
  /** The core's code for it (core/result.ts), which the catalogue words in the person's language. */
  code?: string;
  params?: Record<string, string | number>;
}

/** What the tab filters by; each becomes the query parameter of the same name. */
export interface Filters {
  state: State;
  q: string;
  team: string;
  channel: string;
  /** The customer's region, as Partner Center names it (APAC, EMEA, …). */
  region: string;
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
