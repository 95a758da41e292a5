// A Partner Center Referral resource (REST API v1.0) turned into an IncomingReferral. Field paths in errors follow
// the JSON, e.g. `customerProfile.address.country`. Only known fields are read and each is copied by name, so no
// key from the outside (one with '.' or '$' would break the store) ever reaches a document. Unknown fields are
// ignored: Partner Center adds fields over time, and a new one must not stop referrals arriving.
import { compact } from './compact';
import {
  CUSTOMER_SIZES,
  QUALIFICATIONS,
  REFERRAL_TYPES,
  type Address,
  type Consent,
  type Contact,
  type CustomerProfile,
  type IncomingReferral,
  type InviteContext,
  type ReferralDetails,
  type Requirements,
  type Solution,
} from './referral';
import { invalid, ok, type Result } from './result';
import {
  LIMITS,
  amount,
  collectErrors,
  country,
  currency,
  date,
  fail,
  field,
  flag,
  isBlank,
  list,
  oneOf,
  record,
  required,
  text,
  type Check,
  type ErrorCollector,
  type Field,
} from './validation';

/** Names and address parts: longer than any real one, short enough for a card. */
const NAME_MAX = 200;
/** Partner Center's ids are GUIDs; other sources get room, but not unbounded. */
const EXTERNAL_ID_MAX = 200;
const ID = field('id', 'Referral id');
// Printable: no control, format or unassigned characters, which would be invisible in a card or a log line.
const PRINTABLE = /^\P{C}+$/u;

/**
 * `now` stands in for `createdDateTime` when the source leaves it out. A body that is not a JSON object gets one
 * error, on the root field `''`.
 */
export function parseIncomingReferral(body: unknown, source: string, now: Date): Result<IncomingReferral> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid([{ field: '', code: 'bad-format', message: 'The referral must be a JSON object.' }]);
  }
  const raw = body as Record<string, unknown>;
  const c = collectErrors();
  const externalId = c.take(required(ID, externalIdOf(raw.id)));
  const name = c.take(text(raw.name, field('name', 'Referral name'), NAME_MAX));
  const createdAt = c.take(date(raw.createdDateTime, field('createdDateTime', 'Created date'))) ?? now;
  const sourceExpiresAt = c.take(
    date(raw.expirationDateTime, field('expirationDateTime', 'Expiration date')),
  );
  const customer = takeCustomer(raw.customerProfile, c);
  const consent = takeConsent(raw.consent, c);
  const { details, customerRequestedContact } = takeDetails(raw.details, c);
  const inviteContext = takeInviteContext(raw.inviteContext, c);
  if (externalId === undefined || !customer || c.errors.length > 0) return invalid(c.errors);
  return ok(
    compact({
      source,
      externalId,
      name: name ?? customer.name,
      customer,
      details,
      customerRequestedContact,
      consent,
      createdAt,
      sourceExpiresAt,
      type: known(raw.type, REFERRAL_TYPES),
      qualification: known(raw.qualification, QUALIFICATIONS),
      inviteContext,
    }),
  );
}

/** An enum Partner Center may grow: a value it adds later is left out, never a reason to refuse the referral. */
function known<T extends string>(raw: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => typeof raw === 'string' && item.toLowerCase() === raw.trim().toLowerCase());
}

/** Who invited us onto a co-sell referral, and their message; absent when nobody did. */
function takeInviteContext(raw: unknown, c: ErrorCollector): InviteContext | undefined {
  const fields = section(raw, 'inviteContext', 'Invitation', c);
  const by = section(fields.invitedBy, 'inviteContext.invitedBy', 'Invited by', c);
  const at = (key: string, label: string) => field(`inviteContext.${key}`, label);
  const invitedBy = compact({
    organizationId: c.take(text(by.organizationId, at('invitedBy.organizationId', 'Inviter id'), NAME_MAX)),
    organizationName: c.take(
      text(by.organizationName, at('invitedBy.organizationName', 'Inviter'), NAME_MAX),
    ),
  });
  const context = compact({
    notes: c.take(text(fields.notes, at('notes', 'Message from the inviter'), LIMITS.sourceText)),
    assistanceRequestCode: c.take(
      text(fields.assistanceRequestCode, at('assistanceRequestCode', 'Assistance requested'), NAME_MAX),
    ),
    invitedBy: Object.keys(invitedBy).length > 0 ? invitedBy : undefined,
  });
  return Object.keys(context).length > 0 ? context : undefined;
}

function externalIdOf(raw: unknown): Check<string | undefined> {
  const checked = text(raw, ID, EXTERNAL_ID_MAX);
  if (!checked.ok || checked.value === undefined || PRINTABLE.test(checked.value)) return checked;
  return fail(ID, 'bad-format', 'Referral id may contain only printable characters.');
}

function section(raw: unknown, path: string, label: string, c: ErrorCollector): Record<string, unknown> {
  return c.take(record(raw, field(path, label))) ?? {};
}

function takeCustomer(raw: unknown, c: ErrorCollector): CustomerProfile | undefined {
  const fields = section(raw, 'customerProfile', 'Customer profile', c);
  const nameField = field('customerProfile.name', 'Customer name');
  const name = c.take(required(nameField, text(fields.name, nameField, NAME_MAX)));
  const address = takeAddress(fields.address, c);
  const size = c.take(oneOf(fields.size, field('customerProfile.size', 'Customer size'), CUSTOMER_SIZES));
  const contacts = takeMembers(fields.team, c);
  return name === undefined ? undefined : compact({ name, address, size, contacts });
}

const ADDRESS_PARTS = ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'region'] as const;
const ADDRESS_LABELS: Record<(typeof ADDRESS_PARTS)[number], string> = {
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State',
  postalCode: 'Postal code',
  region: 'Region',
};

function takeAddress(raw: unknown, c: ErrorCollector): Address {
  const fields = section(raw, 'customerProfile.address', 'Customer address', c);
  const address: Address = {};
  for (const part of ADDRESS_PARTS) {
    const value = c.take(
      text(fields[part], field(`customerProfile.address.${part}`, ADDRESS_LABELS[part]), NAME_MAX),
    );
    if (value !== undefined) address[part] = value;
  }
  const code = c.take(country(fields.country, field('customerProfile.address.country', 'Country')));
  return code === undefined ? address : { ...address, country: code };
}

/**
 * The customer's people, as the customer typed them. Only lengths are checked: a phone written "425 555 0100
 * ext. 12" is still the way to reach them, and refusing it would lose the whole referral. Members with nothing
 * in them are dropped (Partner Center blanks contact details on expired referrals).
 */
function takeMembers(raw: unknown, c: ErrorCollector): Contact[] {
  const path = 'customerProfile.team';
  const items = c.take(list(raw, field(path, 'Customer contacts'), LIMITS.listItems)) ?? [];
  const contacts: Contact[] = [];
  items.forEach((item, index) => {
    const at = (key: string, label: string) =>
      field(`${path}.${index}.${key}`, `${label} of customer contact ${index + 1}`);
    const fields = c.take(record(item, field(`${path}.${index}`, `Customer contact ${index + 1}`))) ?? {};
    const contact = compact({
      firstName: c.take(text(fields.firstName, at('firstName', 'First name'), LIMITS.personName)) ?? '',
      lastName: c.take(text(fields.lastName, at('lastName', 'Last name'), LIMITS.personName)),
      email: c.take(text(fields.email, at('email', 'Email'), LIMITS.email)),
      phoneNumber: c.take(text(fields.phoneNumber, at('phoneNumber', 'Phone number'), LIMITS.phone)),
    });
    if (contact.firstName !== '' || contact.lastName || contact.email || contact.phoneNumber)
      contacts.push(contact);
  });
  return contacts;
}

/** The API spells one flag `consentToToShareInfoWithOthers`; the intended spelling wins when both are sent. */
function takeConsent(raw: unknown, c: ErrorCollector): Consent {
  const fields = section(raw, 'consent', 'Consent', c);
  const share = (key: string) =>
    c.take(flag(fields[key], field(`consent.${key}`, 'Consent to share information')));
  const shareInfoWithOthers =
    share('consentToShareInfoWithOthers') ?? share('consentToToShareInfoWithOthers');
  const contact = c.take(
    flag(fields.consentToContact, field('consent.consentToContact', 'Consent to contact')),
  );
  return { shareInfoWithOthers: shareInfoWithOthers ?? false, contact: contact ?? false };
}

function takeDetails(
  raw: unknown,
  c: ErrorCollector,
): { details: ReferralDetails; customerRequestedContact: boolean } {
  const fields = section(raw, 'details', 'Details', c);
  const notes = c.take(text(fields.notes, field('details.notes', 'Customer notes'), LIMITS.sourceText));
  const dealValue = takeDealValue(fields, c);
  const closingAt = c.take(date(fields.closingDateTime, field('details.closingDateTime', 'Closing date')));
  const requirements = takeRequirements(fields.requirements, c);
  const contactFlag = field('details.customerRequestedContact', 'Customer requested contact');
  const customerRequestedContact = c.take(flag(fields.customerRequestedContact, contactFlag)) ?? false;
  return { details: compact({ notes, dealValue, closingAt, requirements }), customerRequestedContact };
}

/** A value needs its currency; a zero or missing value without one just means the customer gave none. */
function takeDealValue(fields: Record<string, unknown>, c: ErrorCollector): ReferralDetails['dealValue'] {
  const currencyField = field('details.currency', 'Currency');
  const before = c.errors.length;
  const value = c.take(amount(fields.dealValue, field('details.dealValue', 'Deal value')));
  const code = c.take(currency(fields.currency, currencyField));
  if (c.errors.length > before || value === undefined) return undefined;
  if (code !== undefined) return { amount: value, currency: code };
  if (value > 0)
    c.errors.push({
      field: currencyField.path,
      code: 'required',
      message: 'Currency is required with a deal value.',
    });
  return undefined;
}

function takeRequirements(raw: unknown, c: ErrorCollector): Requirements {
  const path = 'details.requirements';
  const fields = section(raw, path, 'Requirements', c);
  return {
    industries: takeNames(fields.industries, field(`${path}.industries`, 'Industries'), c),
    products: takeNames(fields.products, field(`${path}.products`, 'Products'), c),
    services: takeNames(fields.services, field(`${path}.services`, 'Services'), c),
    solutions: takeSolutions(fields.solutions, c),
  };
}

/** Partner Center sends these as `[{ "id": "Manufacturing" }]`; plain strings are taken too. */
function takeNames(raw: unknown, f: Field, c: ErrorCollector): string[] {
  const items = c.take(list(raw, f, LIMITS.listItems)) ?? [];
  const names: string[] = [];
  items.forEach((item, index) => {
    const itemField = field(`${f.path}.${index}`, `${f.label} entry ${index + 1}`);
    const name =
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? nameOfItem(item as Record<string, unknown>, itemField, c)
        : c.take(text(item, itemField, LIMITS.listItem));
    if (name !== undefined) names.push(name);
  });
  return names;
}

function nameOfItem(item: Record<string, unknown>, f: Field, c: ErrorCollector): string | undefined {
  const key = isBlank(item.id) ? 'name' : 'id';
  return c.take(text(item[key], field(`${f.path}.${key}`, f.label), LIMITS.listItem));
}

/** A solution needs an id or a name (each stands in for the other); `type` tells co-sell solutions apart. */
function takeSolutions(raw: unknown, c: ErrorCollector): Solution[] {
  const path = 'details.requirements.solutions';
  const items = c.take(list(raw, field(path, 'Solutions'), LIMITS.listItems)) ?? [];
  const solutions: Solution[] = [];
  items.forEach((item, index) => {
    const at = (key: string, label: string) =>
      field(`${path}.${index}.${key}`, `${label} of solution ${index + 1}`);
    const fields = c.take(record(item, field(`${path}.${index}`, `Solution ${index + 1}`))) ?? {};
    const id = c.take(text(fields.id, at('id', 'Id'), LIMITS.listItem));
    const nameField = at('name', 'Name');
    const name = c.take(
      required(nameField, text(isBlank(fields.name) ? id : fields.name, nameField, LIMITS.listItem)),
    );
    const type = c.take(text(fields.type, at('type', 'Type'), LIMITS.listItem));
    if (name !== undefined) solutions.push(compact({ id: id ?? name, name, type }));
  });
  return solutions;
}
