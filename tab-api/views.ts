import { showsCustomerContacts } from '../core/customer-contacts';
import type { ReferralEvent } from '../core/events';
import { allowedCommands } from '../core/guards';
import { flameOf, pipelineStateOf, valueOf } from '../core/pipeline';
import { isCustomerSize, type Actor, type Money, type Person, type Referral } from '../core/referral';
import { summaryOf } from '../core/referral-summary';
import { t, type Locale } from '../i18n/catalogue';
import { formatCount, formatCustomerSize, formatDateTime, formatDay, formatMoney } from '../i18n/format';
import type { DirectoryEntry } from '../services/referral-directory';

// The JSON shapes of docs/tab-api.md ("Row", "Detail"): what the tab reads, built from what the service holds.

export const TAB_VERBS = ['accept', 'decline', 'won', 'lost', 'edit', 'assign'] as const;
export type TabVerb = (typeof TAB_VERBS)[number];

const SHORT_ID_CHARS = 6;

const iso = (at: Date | undefined) => at?.toISOString();
const day = (at: Date | undefined) => at?.toISOString().slice(0, 10);
const money = (value: Money | undefined) =>
  value ? { amount: value.amount, currency: value.currency } : undefined;
const person = (p: Pick<Person, 'id' | 'name'> | undefined) => (p ? { id: p.id, name: p.name } : undefined);
const actor = (a: Actor) => ({ id: a.id, name: a.name });

/** Drops undefined members, so the JSON carries only what is known. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** One list row. `channelName` names the channel the referral was routed to, when it is known. */
export function rowOf(
  entry: DirectoryEntry,
  now: Date,
  channelName?: (channelId: string) => string | undefined,
) {
  const { customer, place } = entry;
  return defined({
    id: entry.id,
    shortId: entry.id.slice(0, SHORT_ID_CHARS),
    name: entry.name,
    customer: customer.name,
    state: pipelineStateOf(entry),
    substatus: entry.substatus,
    size: customer.size,
    country: customer.country,
    city: customer.city,
    region: customer.region,
    solutions: entry.solutions,
    industries: entry.industries,
    receivedAt: iso(entry.receivedAt),
    respondBy: iso(entry.respondByAt),
    expiresAt: iso(entry.expiresAt),
    flame: flameOf(entry, now),
    coSell: entry.coSell === true,
    owner: person(entry.owner),
    value: money(valueOf(entry)),
    purchaseBy: day(entry.engagement?.purchaseDate),
    place: place
      ? defined({
          teamId: place.teamId,
          channelId: place.channelId,
          channelName: channelName?.(place.channelId),
        })
      : undefined,
    version: entry.version,
  });
}
export type Row = ReturnType<typeof rowOf>;

/** The language and time zone a request's texts are written in. */
export interface Presentation {
  locale: Locale;
  timeZone: string;
}

/**
 * A list row's values as the tab writes them, in the asker's language and time zone, with the formatters the cards
 * use: the tab's first page is drawn from them before the browser has built an Intl formatter of its own (a page's
 * first costs it 15-30 ms, as it loads ICU's data), and the tab's table writes the same.
 */
export function shownOf(entry: DirectoryEntry, { locale, timeZone }: Presentation) {
  const { size } = entry.customer;
  const value = valueOf(entry);
  const dateTime = (at: Date | undefined) => (at ? formatDateTime(locale, timeZone, at) : undefined);
  const purchase = entry.engagement?.purchaseDate;
  return defined({
    size: size && isCustomerSize(size) ? formatCustomerSize(locale, size) : size,
    receivedAt: dateTime(entry.receivedAt),
    respondBy: dateTime(entry.respondByAt),
    purchaseBy: purchase ? formatDay(locale, purchase) : undefined,
    value: value ? formatMoney(locale, value) : undefined,
  });
}

/** A page's range ("11–20 of 134"), its numbers written as the language writes them. */
export function shownRangeOf(start: number, shown: number, total: number, { locale }: Presentation) {
  return {
    from: formatCount(locale, start + 1),
    to: formatCount(locale, start + shown),
    total: formatCount(locale, total),
  };
}

export interface DetailContext {
  now: Date;
  locale: Locale;
  timeZone: string;
  history: readonly ReferralEvent[];
  assignees: readonly Person[];
  threadUrl?: string;
  channelName?: (channelId: string) => string | undefined;
}

/** Everything the referral's card shows, its whole history, and what the person may do with it now. */
export function detailOf(referral: Referral, place: DirectoryEntry['place'], context: DetailContext) {
  const { engagement, response, closure, details } = referral;
  const entry: DirectoryEntry = { ...summaryOf(referral), ...(place ? { place } : {}) };
  const contact = (c: Referral['team'][number]) =>
    defined({ firstName: c.firstName, lastName: c.lastName, email: c.email, phoneNumber: c.phoneNumber });
  const actions = allowedCommands(referral).filter((verb): verb is TabVerb =>
    (TAB_VERBS as readonly string[]).includes(verb),
  );
  return {
    ...rowOf(entry, context.now, context.channelName),
    contacts: showsCustomerContacts(referral) ? referral.customer.contacts.map(contact) : [],
    team: referral.team.map(contact),
    requirements: {
      solutions: details.requirements.solutions.map((s) => s.name),
      products: details.requirements.products,
      services: details.requirements.services,
      industries: details.requirements.industries,
    },
    ...defined({
      notes: details.notes,
      engagement: engagement
        ? defined({
            name: engagement.name,
            value: money(engagement.value),
            purchaseDate: day(engagement.purchase.date),
            purchaseTimeframe: engagement.purchase.timeframe,
            notes: engagement.notes,
            crmId: engagement.crmId,
          })
        : undefined,
      response: response
        ? { action: response.action, by: actor(response.by), at: iso(response.at) }
        : undefined,
      closure: closure
        ? defined({
            substatus: closure.substatus,
            by: actor(closure.by),
            at: iso(closure.at),
            reason: closure.reason,
            notes: closure.notes,
            dealRegistration: closure.dealRegistration
              ? defined({
                  value: money(closure.dealRegistration.value),
                  closedAt: iso(closure.dealRegistration.closedAt),
                  microsoftContactEmail: closure.dealRegistration.microsoftContactEmail,
                  notes: closure.dealRegistration.notes,
                })
              : undefined,
          })
        : undefined,
      threadUrl: context.threadUrl,
    }),
    assignees: referral.status === 'Closed' ? [] : context.assignees.map((a) => ({ id: a.id, name: a.name })),
    history: context.history.map((event) => ({
      at: iso(event.at),
      by: { kind: event.actor.kind, id: event.actor.id, name: event.actor.name },
      kind: event.type,
      text: t(context.locale, `history.${event.type}`, {
        by: event.actor.name,
        when: formatDateTime(context.locale, context.timeZone, event.at),
      }),
    })),
    actions,
  };
}
export type Detail = ReturnType<typeof detailOf>;
