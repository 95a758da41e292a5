import { isDealRegistrationNext } from '../core/eligibility';
import type { Contact, Referral } from '../core/referral';
import { t, type MessageKey } from '../i18n/catalogue';
import {
  formatCustomerSize,
  formatDate,
  formatDateTime,
  formatDay,
  formatLocation,
  formatMoney,
} from '../i18n/format';
import { showsCustomerContacts } from './customer-contacts';
import type { ViewContext } from './view-context';

export interface Fact {
  title: string;
  value: string;
}

/** Keeps the facts that have a value, titled from the catalogue: an empty row is noise on a phone. */
function factsOf(view: ViewContext, rows: [key: MessageKey, value: string | undefined][]): Fact[] {
  return rows
    .filter((row): row is [MessageKey, string] => Boolean(row[1]))
    .map(([key, value]) => ({ title: t(view.locale, key), value }));
}

/** "Sue Smith · sue.smith@contoso.com · +1 425 555 0100", one person per line. */
function peopleText(contacts: Contact[]): string {
  return contacts
    .map((c) =>
      [`${c.firstName} ${c.lastName ?? ''}`.trim(), c.email, c.phoneNumber].filter(Boolean).join(' · '),
    )
    .join('\n');
}

/** Who the customer is and what they asked for. */
export function customerFacts(view: ViewContext, referral: Referral): Fact[] {
  const { locale, timeZone } = view;
  const { customer, details } = referral;
  const needs = details.requirements;
  return factsOf(view, [
    ['fact.size', customer.size ? formatCustomerSize(locale, customer.size) : undefined],
    ['fact.location', formatLocation(customer.address)],
    ['fact.industries', needs.industries.join(', ')],
    ['fact.solutions', needs.solutions.map((s) => s.name).join(', ')],
    ['fact.products', needs.products.join(', ')],
    ['fact.services', needs.services.join(', ')],
    ['fact.dealValue', details.dealValue ? formatMoney(locale, details.dealValue) : undefined],
    ['fact.closing', details.closingAt ? formatDate(locale, timeZone, details.closingAt) : undefined],
    ['fact.contact', showsCustomerContacts(referral) ? peopleText(customer.contacts) : undefined],
  ]);
}

/** What the partner's team recorded when it took the referral on. */
export function engagementFacts(view: ViewContext, referral: Referral): Fact[] {
  const { locale, timeZone } = view;
  const engagement = referral.engagement;
  if (!engagement) return [];
  const { purchase } = engagement;
  const { response } = referral;
  const purchaseText = purchase.date
    ? formatDay(locale, purchase.date)
    : purchase.timeframe && t(locale, `timeframe.${purchase.timeframe}`);
  return factsOf(view, [
    ['field.engagementName', engagement.name],
    ['field.value', formatMoney(locale, engagement.value)],
    ['fact.purchase', purchaseText],
    ['fact.acceptedBy', response && `${response.by.name} · ${formatDateTime(locale, timeZone, response.at)}`],
    ['fact.crmId', engagement.crmId],
    ['field.notes', engagement.notes],
    ['fact.team', peopleText(referral.team)],
  ]);
}

/** How a closed referral ended: who, when, why, and the deal registration when there was one. */
export function outcomeLines(view: ViewContext, referral: Referral): string[] {
  const closure = referral.closure;
  if (!closure) return [];
  const { locale, timeZone } = view;
  const when = formatDateTime(locale, timeZone, closure.at);
  const deal = closure.dealRegistration;
  return [
    t(locale, `outcome.${closure.substatus}`, { by: closure.by.name, when }),
    closure.reason ? t(locale, 'outcome.reason', { reason: t(locale, `reason.${closure.reason}`) }) : '',
    closure.notes ?? '',
    deal
      ? t(locale, 'outcome.deal', {
          value: formatMoney(locale, deal.value),
          date: formatDay(locale, deal.closedAt),
        })
      : '',
    isDealRegistrationNext(referral)
      ? t(locale, 'outcome.registerNext', { name: referral.name, id: referral.externalId })
      : '',
  ].filter(Boolean);
}
