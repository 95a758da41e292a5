import type { Command } from '../core/lifecycle';
import { parseRoutingClaims } from '../core/routing';
import type { CardViews, ListRequest } from '../cards/card-views';
import { formFields } from '../cards/form-fields';
import type { CardJson } from '../cards/render';
import type { BotDeps } from './bot-deps';
import { listPage } from './commands';
import type { Turn } from './turn';

/** What an Action.Execute gets back: a card that replaces the clicked one for the clicker, or a short text. */
export type ActionReply = { card: CardJson } | { text: string };

export type ActionHandler = (
  turn: Turn,
  data: Record<string, unknown>,
  deps: BotDeps,
  views: CardViews,
) => Promise<ActionReply>;

/** The card verbs that change a referral; each is the lifecycle command of the same name. */
export const TRANSITION_VERBS = ['accept', 'decline', 'won', 'lost', 'edit', 'add-contact'] as const;
export type TransitionVerb = (typeof TRANSITION_VERBS)[number];

const LISTS = ['inbox', 'active', 'archived', 'mine'] as const;

/** Card actions by verb: the one table that says what a click can do. */
export const CARD_ACTIONS: Record<string, ActionHandler> = {
  ...Object.fromEntries(
    TRANSITION_VERBS.map((verb): [string, ActionHandler] => [
      verb,
      (turn, data, deps, views) => transition(verb, turn, data, deps, views),
    ]),
  ),
  refresh: async (turn, data, deps, views) => {
    const referral = await deps.referrals.load(referralIdOf(data));
    return referral
      ? { card: views.referral(turn, referral, await deps.channelCards.extrasFor(referral)) }
      : { text: views.text(turn, 'referral.notFound') };
  },
  // Opening a referral from a list posts its card below and leaves the list in place for the next one.
  show: async (turn, data, deps, views) => {
    const referral = await deps.referrals.load(referralIdOf(data));
    if (!referral) return { text: views.text(turn, 'referral.notFound') };
    await turn.sendCard(views.referral(turn, referral, await deps.channelCards.extrasFor(referral)));
    return { text: views.text(turn, 'show.opened', { customer: referral.customer.name }) };
  },
  'list-page': async (turn, data, deps, views) => {
    const request: ListRequest = {
      list: LISTS.find((l) => l === data['list']) ?? 'inbox',
      filter: typeof data['filter'] === 'string' && data['filter'] !== '' ? data['filter'] : undefined,
      page: Math.max(0, Math.floor(Number(data['page']) || 0)),
    };
    return { card: views.list(turn, request, await listPage(turn, deps, request)) };
  },
  'settings-save': async (turn, data, deps, views) => {
    if (!turn.channelId) return { text: views.text(turn, 'settings.channelOnly') };
    const parsed = parseRoutingClaims(data);
    const current = await deps.settings.get(turn.channelId);
    if (!parsed.ok)
      return { card: views.settings(turn, current, { values: stringValues(data), errors: parsed.errors }) };
    const me = { id: turn.actor.id, name: turn.actor.name };
    const saved = {
      ...parsed.value,
      channelId: turn.channelId,
      updatedAt: turn.now,
      updatedBy: me,
      owners: [...(current?.owners ?? []).filter((o) => o.id !== me.id), me],
    };
    await deps.settings.save(saved);
    return { card: views.settings(turn, saved, undefined, 'saved') };
  },
};

async function transition(
  verb: TransitionVerb,
  turn: Turn,
  data: Record<string, unknown>,
  deps: BotDeps,
  views: CardViews,
): Promise<ActionReply> {
  const command = { type: verb, input: formFields(verb, data) } as Command;
  const outcome = await deps.referrals.apply(referralIdOf(data), command, turn.actor);
  if (outcome.status === 'not-found') return { text: views.text(turn, 'referral.notFound') };
  const extras = await deps.channelCards.extrasFor(outcome.referral);
  switch (outcome.status) {
    case 'applied':
      return {
        card: views.referral(turn, outcome.referral, {
          ...extras,
          notice: { kind: 'success', verb, warnings: outcome.warnings },
        }),
      };
    case 'invalid':
      return {
        card: views.referral(turn, outcome.referral, {
          ...extras,
          form: { verb, values: stringValues(data), errors: outcome.errors },
        }),
      };
    case 'conflict':
      return {
        card: views.referral(turn, outcome.referral, {
          ...extras,
          notice: { kind: 'conflict', conflict: outcome.conflict },
        }),
      };
  }
}

function referralIdOf(data: Record<string, unknown>): string {
  return typeof data['referralId'] === 'string' ? data['referralId'] : '';
}

/** The form's values as typed, to put back into the inputs when the form is shown again. */
function stringValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data)
      .filter((entry): entry is [string, string | number | boolean] =>
        ['string', 'number', 'boolean'].includes(typeof entry[1]),
      )
      .map(([k, v]) => [k, String(v)]),
  );
}
