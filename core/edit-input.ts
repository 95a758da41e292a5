import { compact } from './compact';
import { startOfUtcDay } from './dates';
import type { EngagementChanges } from './events';
import { ENGAGEMENT_FIELDS as F, ROOT, fieldsOf, purchaseRequired } from './inputs';
import { PURCHASE_TIMEFRAMES, type Engagement, type Money, type PurchaseEstimate } from './referral';
import { invalid, ok, type Result } from './result';
import {
  LIMITS,
  amount,
  collectErrors,
  crmId,
  currency,
  date,
  futureDate,
  oneOf,
  required,
  text,
  type ErrorCollector,
} from './validation';

/**
 * Only fields that are present (not undefined) change. An Adaptive Card sends its whole form, so a present but
 * empty `notes` or `crmId` clears it; the change then carries `''`, which `applyEvent` reads as "remove".
 */
export interface EditInput {
  engagementName?: unknown;
  value?: unknown;
  currency?: unknown;
  purchaseDate?: unknown;
  purchaseTimeframe?: unknown;
  notes?: unknown;
  crmId?: unknown;
}

/**
 * The changes that differ from `current`. Nothing present, or nothing different, is refused with
 * `nothing-to-change` on the root field `''`: no single field is at fault, so the card shows it above the form.
 */
export function parseEdit(input: EditInput, current: Engagement, now: Date): Result<EngagementChanges> {
  const c = collectErrors();
  const raw = fieldsOf(input, c);
  const name = raw.engagementName === undefined ? current.name : editedName(raw.engagementName, c);
  const value = editedValue(raw, current.value, c);
  const purchase = editedPurchase(raw, current.purchase, now, c);
  const notes =
    raw.notes === undefined ? current.notes : (c.take(text(raw.notes, F.notes, LIMITS.notes)) ?? '');
  const crm = raw.crmId === undefined ? current.crmId : (c.take(crmId(raw.crmId, F.crmId)) ?? '');
  if (c.errors.length > 0) return invalid(c.errors);
  const changes: EngagementChanges = compact({
    name: name !== undefined && name !== current.name ? name : undefined,
    value: value && !sameMoney(value, current.value) ? value : undefined,
    purchase: purchase && !samePurchase(purchase, current.purchase) ? purchase : undefined,
    notes: (notes ?? '') !== (current.notes ?? '') ? notes : undefined,
    crmId: (crm ?? '') !== (current.crmId ?? '') ? crm : undefined,
  });
  if (Object.keys(changes).length > 0) return ok(changes);
  return invalid([
    {
      field: ROOT.path,
      code: 'nothing-to-change',
      message: 'Nothing to change: the engagement already says this.',
    },
  ]);
}

function editedName(raw: unknown, c: ErrorCollector): string | undefined {
  return c.take(required(F.engagementName, text(raw, F.engagementName, LIMITS.engagementName)));
}

/** A new amount keeps the current currency, and a new currency the current amount. */
function editedValue(raw: Record<string, unknown>, current: Money, c: ErrorCollector): Money | undefined {
  if (raw.value === undefined && raw.currency === undefined) return undefined;
  const newAmount =
    raw.value === undefined ? current.amount : c.take(required(F.value, amount(raw.value, F.value)));
  const newCurrency =
    raw.currency === undefined
      ? current.currency
      : c.take(required(F.currency, currency(raw.currency, F.currency)));
  return newAmount === undefined || newCurrency === undefined
    ? undefined
    : { amount: newAmount, currency: newCurrency };
}

function editedPurchase(
  raw: Record<string, unknown>,
  current: PurchaseEstimate,
  now: Date,
  c: ErrorCollector,
): PurchaseEstimate | undefined {
  if (raw.purchaseDate === undefined && raw.purchaseTimeframe === undefined) return undefined;
  const before = c.errors.length;
  const newDate =
    raw.purchaseDate === undefined ? current.date : editedDate(raw.purchaseDate, current.date, now, c);
  const timeframe =
    raw.purchaseTimeframe === undefined
      ? current.timeframe
      : c.take(oneOf(raw.purchaseTimeframe, F.purchaseTimeframe, PURCHASE_TIMEFRAMES));
  if (c.errors.length > before) return undefined;
  if (newDate === undefined && timeframe === undefined) {
    c.errors.push(purchaseRequired());
    return undefined;
  }
  return compact({ date: newDate, timeframe });
}

/**
 * The date as sent back is let through even once it has passed: the card returns the whole form, and a purchase
 * date set last month must not stop anyone fixing a typo in the notes. Only a new date must be in the future.
 */
function editedDate(
  raw: unknown,
  currentDate: Date | undefined,
  now: Date,
  c: ErrorCollector,
): Date | undefined {
  const parsed = c.take(date(raw, F.purchaseDate));
  if (parsed === undefined) return undefined;
  if (currentDate && sameDay(parsed, currentDate)) return currentDate;
  return c.take(futureDate(raw, F.purchaseDate, now));
}

function sameDay(a: Date, b: Date): boolean {
  return startOfUtcDay(a).getTime() === startOfUtcDay(b).getTime();
}

function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

function samePurchase(a: PurchaseEstimate, b: PurchaseEstimate): boolean {
  return a.date?.getTime() === b.date?.getTime() && a.timeframe === b.timeframe;
}
