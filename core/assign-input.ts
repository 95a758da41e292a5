import type { Person } from './referral';
import { invalid, ok, type Result } from './result';
import { collectErrors, field, LIMITS, required, text } from './validation';

/** Whom to make the referral's owner: a member of the team it belongs to, as the edge found them in its roster. */
export interface AssignInput {
  ownerId?: unknown;
  ownerName?: unknown;
}

const OWNER = field('owner', 'Owner');

export function parseAssign(input: AssignInput): Result<Person> {
  const c = collectErrors();
  const id = c.take(required(OWNER, text(input.ownerId, OWNER, LIMITS.personName)));
  const name = c.take(required(OWNER, text(input.ownerName, OWNER, LIMITS.personName)));
  return id !== undefined && name !== undefined && c.errors.length === 0
    ? ok({ id, name })
    : invalid(c.errors);
}
