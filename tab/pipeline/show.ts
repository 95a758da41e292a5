// How the tab writes times, money and sizes: the bot's own formatters, times in the browser's time zone.
import { isCustomerSize } from '../../core/referral';
import { formatCount, formatDateTime, formatDay, formatMoney } from '../../i18n/format';
import type { Money } from '../api/types';
import { browserTimeZone } from '../browser-zone';
import type { Strings } from '../strings';

const zone = browserTimeZone;

export const showDateTime = (strings: Strings, iso: string | undefined) =>
  iso ? formatDateTime(strings.locale, zone(), new Date(iso)) : '';
/** A calendar day (`YYYY-MM-DD`, read as midnight UTC) as the day it is, in any zone. */
export const showDay = (strings: Strings, day: string | undefined) =>
  day ? formatDay(strings.locale, new Date(day)) : '';
export const showMoney = (strings: Strings, money: Money | undefined) =>
  money ? formatMoney(strings.locale, money) : '';
export const showCount = (strings: Strings, n: number) => formatCount(strings.locale, n);

export const showSize = (strings: Strings, size: string | undefined) =>
  size ? (isCustomerSize(size) ? strings.t(`size.${size}`) : size) : '';
