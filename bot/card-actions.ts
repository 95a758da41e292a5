import type { Command } from '../core/lifecycle';
import type { Person } from '../core/referral';
import { parseChannelPreferences } from '../core/channel-preferences';
import { commandFromForm } from '../core/form-command';
import { parseRoutingClaims } from '../core/routing';
import type { CardActionData, CardVerb, FormSubmission, TransitionVerb } from '../cards/card-actions';
import { formFields } from '../cards/form-fields';
import type { CardJson } from '../cards/render';
import type { BotDeps } from './bot-deps';
import { listPage } from './commands';
import { mayActOn, viewerOf } from './scope';
import { settingsTeam } from './settings-team';
import type { Turn } from './turn';

/** What an Action.Execute gets back: a card that replaces the clicked one for the clicker, or a short text. */
export type ActionReply = { card: CardJson } | { text: string };

/** A click, as a handler gets it: the verb's own data, who clicked and how to answer (`turn`), and the services. */
export interface ActionContext<V extends CardVerb> {
  data: CardActionData[V];
  turn: Turn;
  deps: BotDeps;
}

type ActionHandlers = { [V in CardVerb]: (action: ActionContext<V>) => Promise<ActionReply> };

/** Card actions by verb: the one table that says what a click can do. */
export const CARD_ACTIONS: ActionHandlers = {
  accept: transition,
  decline: transition,
  won: transition,
  lost: transition,
  edit: transition,
  'add-contact': transition,
  assign: transition,
  refresh: async ({ data, turn, deps }) => {
    // Someone outside the team learns nothing, not even that the referral exists.
    if (!(await mayActOn(turn, deps.directory.get(data.referralId), deps.people)))
      return { text: deps.views.text(turn, 'referral.notFound') };
    const referral = await deps.referrals.load(data.referralId);
    return referral
      ? { card: deps.views.referral(turn, referral, await deps.outbound.channelCards.extrasFor(referral)) }
      : { text: deps.views.text(turn, 'referral.notFound') };
  },
  // Opening a referral from a list posts its card below and leaves the list in place for the next one.
  show: async ({ data, turn, deps }) => {
    if (!(await mayActOn(turn, deps.directory.get(data.referralId), deps.people)))
      return { text: deps.views.text(turn, 'referral.notFound') };
    const referral = await deps.referrals.load(data.referralId);
    if (!referral) return { text: deps.views.text(turn, 'referral.notFound') };
    const extras = await deps.outbound.channelCards.extrasFor(referral);
    await turn.sendCard(deps.views.referral(turn, referral, extras));
    return { text: deps.views.text(turn, 'show.opened', { customer: referral.customer.name }) };
  },
  'list-page': async ({ data, turn, deps }) => ({
    card: deps.views.list(turn, data, await listPage(turn, deps, data)),
  }),
  'settings-save': async ({ data, turn, deps }) => {
    if (!turn.channelId || !turn.teamId) return { text: deps.views.text(turn, 'settings.channelOnly') };
    if (!(await mayChangeSettings(turn, turn.teamId, deps)))
      return { text: deps.views.text(turn, 'settings.adminsOnly') };
    const team = await settingsTeam(turn.teamId, deps);
    const claims = parseRoutingClaims(data.inputs);
    const preferences = parseChannelPreferences(data.inputs, team.members);
    const current = await deps.settings.get(turn.channelId);
    if (!claims.ok || !preferences.ok) {
      const errors = [...(claims.ok ? [] : claims.errors), ...(preferences.ok ? [] : preferences.errors)];
      return { card: deps.views.settings(turn, current, { values: data.inputs, errors }, undefined, team) };
    }
    const { adminIds, ...shown } = preferences.value;
    const saved = {
      ...claims.value,
      ...shown,
      channelId: turn.channelId,
      updatedAt: turn.now,
      updatedBy: { id: turn.actor.id, name: turn.actor.name },
    };
    await deps.settings.save(saved);
    // An admin cannot take themselves off by accident: whoever saves stays one.
    await deps.people.setAdmins(turn.teamId, [...new Set([...adminIds, turn.actor.id])]);
    return {
      card: deps.views.settings(turn, saved, undefined, 'saved', await settingsTeam(turn.teamId, deps)),
    };
  },
};

/**
 * Referral admins change a channel's settings. A team with no admin known (installed before admins existed, and
 * Teams' roster does not name owners) lets its first member who saves one become its admin.
 */
async function mayChangeSettings(turn: Turn, teamId: string, deps: BotDeps): Promise<boolean> {
  const viewer = viewerOf(turn);
  if (await deps.people.isAdmin(teamId, viewer)) return true;
  if ((await deps.people.admins(teamId)).length > 0 || !(await deps.people.isMember(teamId, viewer)))
    return false;
  await deps.people.setAdmins(teamId, [viewer.aadObjectId]);
  return true;
}

/** Runs the handler of the click's verb. */
export function handleAction<V extends CardVerb>(
  action: { verb: V; data: CardActionData[V] },
  turn: Turn,
  deps: BotDeps,
): Promise<ActionReply> {
  const handler: ActionHandlers[V] = CARD_ACTIONS[action.verb];
  return handler({ data: action.data, turn, deps });
}

/** The lifecycle command a submitted form asks for: the core's, from the card's inputs without their prefix. */
function commandOf(submission: FormSubmission, candidates: readonly Person[]): Command {
  return commandFromForm(submission.form, formFields(submission.form, submission.inputs), candidates);
}

async function transition<V extends TransitionVerb>({
  data,
  turn,
  deps,
}: ActionContext<V>): Promise<ActionReply> {
  const submission: FormSubmission = data;
  const verb = submission.form;
  // A click from outside the team (a card forwarded, an invoke replayed) changes nothing.
  if (!(await mayActOn(turn, deps.directory.get(submission.referralId), deps.people)))
    return { text: deps.views.text(turn, 'access.membersOnly') };
  const candidates = verb === 'assign' ? await deps.people.assigneesFor(submission.referralId) : [];
  // The clicker's card is built while the change is written: it shows the change as decided, kept if it lands.
  const outcome = await deps.referrals.apply(
    submission.referralId,
    commandOf(submission, candidates),
    turn.actor,
    async ({ referral, event, warnings }) =>
      deps.views.referral(turn, referral, {
        ...(await deps.outbound.channelCards.extrasFor(referral, event)),
        notice: { kind: 'success', verb, warnings },
      }),
  );
  if (outcome.status === 'not-found') return { text: deps.views.text(turn, 'referral.notFound') };
  if (outcome.status === 'applied') return { card: outcome.prepared };
  const extras = await deps.outbound.channelCards.extrasFor(outcome.referral);
  const card = (more: Parameters<BotDeps['views']['referral']>[2]) =>
    deps.views.referral(turn, outcome.referral, { ...extras, ...more });
  switch (outcome.status) {
    case 'invalid':
      return { card: card({ form: { verb, values: submission.inputs, errors: outcome.errors } }) };
    case 'conflict':
      return { card: card({ notice: { kind: 'conflict', conflict: outcome.conflict } }) };
  }
}
