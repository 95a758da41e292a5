// The core's public API: the product's rules as pure functions. Edges import from here.
export * from './referral';
export * from './events';
export * from './result';
export * from './timers';
export * from './lifecycle';
export { allowedCommands, guard, isAllowed, COMMAND_TYPES } from './guards';
export {
  DEAL_REGISTRATION_MIN_USD,
  WON_WITHIN_72H,
  isDealRegistrationEligible,
  isWonTooSoon,
} from './eligibility';
export {
  DEAL_CLOSED_MAX_YEARS,
  MAX_CONTACTS,
  parseAccept,
  parseClose,
  parseContact,
  parseDecline,
  parseLost,
  parseWon,
  type AcceptDetails,
  type AcceptInput,
  type CloseDetails,
  type CloseInput,
  type ContactInput,
  type DeclineInput,
  type LostInput,
  type WonDetails,
  type WonInput,
} from './inputs';
export { parseEdit, type EditInput } from './edit-input';
export { parseIncomingReferral } from './intake';
export { LIMITS, MAX_AMOUNT, PURCHASE_DATE_MAX_YEARS } from './validation';
export { CURRENCIES, isCurrency } from './currencies';
export { COUNTRIES, isCountry } from './countries';
export { formatUtc, formatUtcDay, parseIsoDate } from './dates';
export * from './routing';
export * from './stats';
