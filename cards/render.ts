import { Template } from 'adaptivecards-templating';

export type CardJson = Record<string, unknown>;

/**
 * Expands a card template with its view-model. Templates hold `${...}` bindings only; every string people read
 * comes from the view-model, which takes it from the message catalogue.
 */
export function renderCard(template: object, viewModel: object): CardJson {
  return new Template(template).expand({ $root: viewModel }) as CardJson;
}

/** Schema version of every card: 1.5 is what Teams desktop, web and mobile all render. */
export const CARD_VERSION = '1.5';
