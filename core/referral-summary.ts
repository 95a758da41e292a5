import type {
  CloseReason,
  ClosedSubstatus,
  CustomerSize,
  Money,
  Person,
  PurchaseTimeframe,
  Referral,
  Status,
  Substatus,
} from './referral';

/**
 * What a list row, a count, a digest or the tab needs of a referral, and nothing more: kept in memory for every
 * referral (the store answers only point reads quickly), so it is small, and its customer words are capped.
 */
export interface ReferralSummary {
  id: string;
  name: string;
  source: string;
  status: Status;
  substatus: Substatus;
  customer: {
    name: string;
    size?: CustomerSize;
    city?: string;
    state?: string;
    country?: string;
    region?: string;
  };
  solutions: string[];
  industries: string[];
  products: string[];
  customerRequestedContact: boolean;
  createdAt: Date;
  receivedAt: Date;
  respondByAt: Date;
  expiresAt: Date;
  flameEndsAt?: Date;
  owner?: Person;
  response?: { action: 'accepted' | 'declined'; byId: string; at: Date };
  engagement?: {
    name: string;
    value: Money;
    purchaseDate?: Date;
    purchaseTimeframe?: PurchaseTimeframe;
  };
  closure?: { substatus: ClosedSubstatus; at: Date; reason?: CloseReason; value?: Money };
  /** Lower-case words to search in: customer, id, name, solutions, products, engagement and notes (capped). */
  searchText: string;
  version: number;
}

// Enough of a customer's notes to find a referral by what they asked for, small enough for thousands in memory.
const SEARCHED_NOTES_CHARS = 400;

export function summaryOf(referral: Referral): ReferralSummary {
  const { customer, details, engagement, closure, response } = referral;
  const needs = details.requirements;
  const solutions = needs.solutions.map((s) => s.name);
  const searchText = [
    referral.id,
    referral.name,
    customer.name,
    ...solutions,
    ...needs.products,
    ...needs.industries,
    engagement?.name ?? '',
    (details.notes ?? '').slice(0, SEARCHED_NOTES_CHARS),
    (engagement?.notes ?? '').slice(0, SEARCHED_NOTES_CHARS),
  ]
    .join(' ')
    .toLowerCase();
  return {
    id: referral.id,
    name: referral.name,
    source: referral.source,
    status: referral.status,
    substatus: referral.substatus,
    customer: {
      name: customer.name,
      ...pick(customer, ['size']),
      ...pick(customer.address, ['city', 'state', 'country', 'region']),
    },
    solutions,
    industries: needs.industries,
    products: needs.products,
    customerRequestedContact: referral.customerRequestedContact,
    createdAt: referral.createdAt,
    receivedAt: referral.receivedAt,
    respondByAt: referral.respondByAt,
    expiresAt: referral.expiresAt,
    ...(referral.flameEndsAt ? { flameEndsAt: referral.flameEndsAt } : {}),
    ...(referral.owner ? { owner: referral.owner } : {}),
    ...(response ? { response: { action: response.action, byId: response.by.id, at: response.at } } : {}),
    ...(engagement
      ? {
          engagement: {
            name: engagement.name,
            value: engagement.value,
            ...(engagement.purchase.date ? { purchaseDate: engagement.purchase.date } : {}),
            ...(engagement.purchase.timeframe ? { purchaseTimeframe: engagement.purchase.timeframe } : {}),
          },
        }
      : {}),
    ...(closure
      ? {
          closure: {
            substatus: closure.substatus,
            at: closure.at,
            ...(closure.reason ? { reason: closure.reason } : {}),
            ...(closure.dealRegistration ? { value: closure.dealRegistration.value } : {}),
          },
        }
      : {}),
    searchText,
    version: referral.version,
  };
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined && from[key] !== '') picked[key] = from[key];
  return picked;
}
