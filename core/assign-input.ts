import type { Person } from './referral';
import { invalid, ok, type Result } from './result';
import { collectErrors, field, LIMITS, required, text } from './validation';

/**
 * Whom to make the referral's owner, chosen among `candidates`: the members of the team the referral belongs to,
 * as the edge read them from the team's roster. Only a member can own a team's referral.
 */
export interface AssignInput {
  owner?: unknown;
  candidates: readonly Person[];
}

const OWNER = field('owner', 'Owner');

export function parseAssign(input: AssignInput): Result<Person> {
  const c = collectErrors();
  const id = c.take(required(OWNER, text(input.owner, OWNER, LIMITS.personName)));
  if (id === undefined) return invalid(c.errors);
  const member = input.candidates.find((candidate) => candidate.id === id);
  if (member) return ok({ id: member.id, name: member.name });
  return invalid([{ field: OWNER.path, code: 'not-a-member', message: 'Choose a member of this team.' }]);
}
