import type { Command, CommandType } from './lifecycle';
import type { Person } from './referral';

/** The commands a person gives through a form (a card's or the tab's); expiry is the scheduler's alone. */
export type FormVerb = Exclude<CommandType, 'expire'>;

/**
 * The lifecycle command a submitted form asks for, from its fields by the names the core's input parsers take
 * (a card's inputs with their `<verb>.` prefix removed, or the tab's `data`); an owner is chosen among
 * `candidates`, the members of the referral's team. The one place a form becomes a command, for every edge.
 */
export function commandFromForm(
  verb: FormVerb,
  fields: Record<string, unknown>,
  candidates: readonly Person[],
): Command {
  switch (verb) {
    case 'accept':
      return { type: 'accept', input: fields };
    case 'decline':
      return { type: 'decline', input: fields };
    case 'won':
      return { type: 'won', input: fields };
    case 'lost':
      return { type: 'lost', input: fields };
    case 'edit':
      return { type: 'edit', input: fields };
    case 'add-contact':
      return { type: 'add-contact', input: fields };
    case 'assign':
      return { type: 'assign', input: { owner: fields['owner'], candidates } };
  }
}
