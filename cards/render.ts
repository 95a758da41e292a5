import { Template } from 'adaptivecards-templating';
import { makeCardTextInert } from './inert-text';

export type CardJson = Record<string, unknown>;
/** A part of a card (an element, an action, an input) as a typed builder function makes it. */
export type CardElement = Record<string, unknown>;

/** `element` when `condition` holds, to spread into a list: a template's `$when`, for builder functions. */
export const when = (condition: boolean, element: CardElement): CardElement[] => (condition ? [element] : []);

// Parsing a template's `${...}` expressions (adaptive-expressions' ANTLR parser) costs ~20 ms for the referral
// card; expanding a parsed one costs a fraction of a millisecond. So each template is parsed once, on first use.
const parsed = new WeakMap<object, Template>();

/**
 * Expands a card template with its view-model. Templates hold `${...}` bindings only; every string people read
 * comes from the view-model, which takes it from the message catalogue or from outside, and every text the card
 * shows is made inert here, so no card can forget it.
 */
export function renderCard(template: object, viewModel: object): CardJson {
  let prepared = parsed.get(template);
  if (!prepared) {
    prepared = new Template(template);
    parsed.set(template, prepared);
  }
  return makeCardTextInert(prepared.expand({ $root: viewModel }) as CardJson);
}

/** Schema version of every card: 1.5 is what Teams desktop, web and mobile all render. */
export const CARD_VERSION = '1.5';
