import { COMMAND_TYPES, type CommandType } from '../core/guards';

/**
 * What a click on a card sends back: each Action.Execute verb and the data it carries. The cards build their
 * actions with `executeAction`, the bot parses what comes back with `parseActionData`, and both are typed by this
 * table, so an action whose data does not match its verb does not compile.
 */

/** The card verbs that change a referral: the core's commands a person gives (expiry is the scheduler's). */
export type TransitionVerb = Exclude<CommandType, 'expire'>;
export const TRANSITION_VERBS = COMMAND_TYPES.filter((type): type is TransitionVerb => type !== 'expire');

/** The typeahead dataset of a referral's Assign form: its team's members (`application/search` invokes). */
export const teamMembersDataset = (referralId: string) => `team-members:${referralId}`;
export const referralOfDataset = (dataset: string) =>
  dataset.startsWith('team-members:') ? dataset.slice('team-members:'.length) : undefined;

export const LIST_NAMES = ['inbox', 'active', 'archived', 'mine'] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** A referral's form as Teams sends it: which form, and its inputs named `<verb>.<field>` (see form-fields). */
export interface FormSubmission<V extends TransitionVerb = TransitionVerb> {
  referralId: string;
  form: V;
  /** The inputs, as typed. */
  inputs: Record<string, string>;
}

export interface CardActionData {
  accept: FormSubmission<'accept'>;
  decline: FormSubmission<'decline'>;
  won: FormSubmission<'won'>;
  lost: FormSubmission<'lost'>;
  edit: FormSubmission<'edit'>;
  'add-contact': FormSubmission<'add-contact'>;
  assign: FormSubmission<'assign'>;
  /** Redraws the referral's card for the clicker (also the forms' Cancel). */
  refresh: { referralId: string };
  /** Opens a referral from a list. */
  show: { referralId: string };
  'list-page': { list: ListName; filter?: string; coSell?: boolean; page: number };
  /** The channel settings form; its inputs come with the click. */
  'settings-save': { inputs: Record<string, string> };
}

export type CardVerb = keyof CardActionData;

/** What a card puts into an Action.Execute's `data`: the inputs come from the card itself, not from here. */
type DataOnCard<V extends CardVerb> = Omit<CardActionData[V], 'inputs'>;

export interface ExecuteAction<V extends CardVerb = CardVerb> {
  type: 'Action.Execute';
  verb: V;
  title: string;
  data: DataOnCard<V>;
  style?: 'positive' | 'destructive';
}

export function executeAction<V extends CardVerb>(
  verb: V,
  title: string,
  data: DataOnCard<V>,
  style?: ExecuteAction['style'],
): ExecuteAction<V> {
  return { type: 'Action.Execute', verb, title, data, ...(style ? { style } : {}) };
}

const isVerb = (verb: unknown): verb is CardVerb =>
  typeof verb === 'string' && Object.prototype.hasOwnProperty.call(PARSERS, verb);

/** A click as the bot received it, checked against its verb; undefined when the verb is unknown or the data off. */
export type ParsedAction = { [V in CardVerb]: { verb: V; data: CardActionData[V] } }[CardVerb];

export function parseActionData(verb: unknown, raw: unknown): ParsedAction | undefined {
  if (!isVerb(verb)) return undefined;
  const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const data = PARSERS[verb](record);
  return data === undefined ? undefined : ({ verb, data } as ParsedAction);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every scalar the click carried, as text: what the person typed, to check and to put back into the form. */
function inputsOf(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter((entry): entry is [string, string | number | boolean] =>
        ['string', 'number', 'boolean'].includes(typeof entry[1]),
      )
      .map(([key, value]) => [key, String(value)]),
  );
}

function form<V extends TransitionVerb>(verb: V) {
  return (raw: Record<string, unknown>): FormSubmission<V> | undefined => {
    const referralId = text(raw['referralId']);
    return referralId ? { referralId, form: verb, inputs: inputsOf(raw) } : undefined;
  };
}

function referralOnly(raw: Record<string, unknown>): { referralId: string } | undefined {
  const referralId = text(raw['referralId']);
  return referralId ? { referralId } : undefined;
}

const PARSERS: { [V in CardVerb]: (raw: Record<string, unknown>) => CardActionData[V] | undefined } = {
  accept: form('accept'),
  decline: form('decline'),
  won: form('won'),
  lost: form('lost'),
  edit: form('edit'),
  'add-contact': form('add-contact'),
  assign: form('assign'),
  refresh: referralOnly,
  show: referralOnly,
  'list-page': (raw) => {
    const list = LIST_NAMES.find((name) => name === raw['list']);
    const filter = text(raw['filter']);
    const page = Math.max(0, Math.floor(Number(raw['page']) || 0));
    const coSell = raw['coSell'] === true;
    return list ? { list, page, ...(filter ? { filter } : {}), ...(coSell ? { coSell } : {}) } : undefined;
  },
  'settings-save': (raw) => ({ inputs: inputsOf(raw) }),
};
