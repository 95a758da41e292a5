import { showsCustomerContacts } from '../core/customer-contacts';
import type { Contact, Referral } from '../core/referral';
import { email, field, phone } from '../core/validation';
import { t, type Locale } from '../i18n/catalogue';

// The rule itself is the core's: the tab follows it too.
export { showsCustomerContacts };

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  /** Plain text: Teams does not read a button's title as markdown, so the address shows as it is. */
  title: string;
  url: string;
}

const CHECKED = field('contact', 'Contact');
// The core's email check lets through characters a mailto: URL must escape (RFC 6068: % ? # & / = and so on).
// An address with none of them is its own URL; the rare one with them stays text, never a link that is off.
const MAILTO_SAFE = /^[\p{L}\p{N}.!$'*+_~-]+@[\p{L}\p{N}.-]+$/u;
// Digits, spaces and dashes, with a leading + for an international number: what a tel: link can be made from
// without guessing what the brackets or dots of a local notation meant.
const DIALLABLE = /^\+?\d[\d -]*$/;

/** The address as a mailto: URL when the core would take it as an email and it needs no escaping. */
export function mailtoUrl(address: string | undefined): string | undefined {
  const checked = email(address, CHECKED);
  if (!checked.ok || !checked.value || !MAILTO_SAFE.test(checked.value)) return undefined;
  return `mailto:${checked.value}`;
}

/** The number as a tel: URL, its digits only (and its leading +, which says the number is international). */
export function telUrl(number: string | undefined): string | undefined {
  const checked = phone(number, CHECKED);
  if (!checked.ok || !checked.value || !DIALLABLE.test(checked.value)) return undefined;
  return `tel:${checked.value.startsWith('+') ? '+' : ''}${checked.value.replace(/\D/g, '')}`;
}

/**
 * Buttons that write to or call each customer contact the card shows, one row of them per person. They are
 * actions in the body, not links in the text: the text stays inert (cards/inert-text.ts), and only well-formed
 * addresses become buttons.
 */
export function contactLinks(locale: Locale, referral: Referral): { actions: OpenUrlAction[] }[] {
  if (!showsCustomerContacts(referral)) return [];
  return referral.customer.contacts
    .map((contact) => ({ actions: linksOf(locale, contact) }))
    .filter((row) => row.actions.length > 0);
}

function linksOf(locale: Locale, contact: Contact): OpenUrlAction[] {
  const links: OpenUrlAction[] = [];
  const mailto = mailtoUrl(contact.email);
  if (mailto)
    links.push(openUrl(t(locale, 'contact.email', { address: mailto.slice('mailto:'.length) }), mailto));
  const tel = telUrl(contact.phoneNumber);
  if (tel) links.push(openUrl(t(locale, 'contact.call', { number: contact.phoneNumber!.trim() }), tel));
  return links;
}

const openUrl = (title: string, url: string): OpenUrlAction => ({ type: 'Action.OpenUrl', title, url });
