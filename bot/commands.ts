import type { ClosedSubstatus } from '../core/referral';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import type { ListRequest } from '../cards/card-views';
import { CLOSED_WORDS } from '../cards/closed-words';
import type { Scope } from '../services/referral-directory';
import type { BotDeps } from './bot-deps';
import { commandNamed, handlerArguments, listFilters } from './command-words';
import { settingsTeam } from './settings-team';
import { digestCommand } from './digest-command';
import { scopeOf } from './scope';
import { statsCommand } from './stats-command';
import type { Turn } from './turn';

export const LIST_PAGE_SIZE = 10;

export const COMMAND_NAMES = [
  'help',
  'inbox',
  'active',
  'archived',
  'show',
  'mine',
  'stats',
  'digest',
  'settings',
  'sync',
  'status',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A typed command, as a handler gets it: the words after its name, where and by whom, and the services. */
export interface CommandContext {
  args: string[];
  turn: Turn;
  deps: BotDeps;
}

/** Commands by name: the one table that says what a person can type. */
export const COMMANDS: Record<CommandName, (command: CommandContext) => Promise<void>> = {
  help: async ({ turn, deps }) => turn.sendCard(deps.views.help(turn)),
  inbox: ({ args, turn, deps }) => sendList(turn, deps, { list: 'inbox', page: 0, ...coSellOnly(args) }),
  active: ({ args, turn, deps }) => sendList(turn, deps, { list: 'active', page: 0, ...coSellOnly(args) }),
  mine: ({ args, turn, deps }) => sendList(turn, deps, { list: 'mine', page: 0, ...coSellOnly(args) }),
  archived: async ({ args, turn, deps }) => {
    const { coSell, rest } = listFilters(args);
    const word = rest[0]?.toLowerCase();
    if (word !== undefined && !(word in CLOSED_WORDS))
      return turn.sendCard(deps.views.help(turn, `archived ${word}`));
    await sendList(turn, deps, {
      list: 'archived',
      page: 0,
      ...(word ? { filter: word } : {}),
      ...(coSell ? { coSell } : {}),
    });
  },
  show: async ({ args, turn, deps }) => {
    const wanted = args.join(' ').trim();
    if (wanted === '') return turn.sendText(deps.views.text(turn, 'show.usage'));
    const found = deps.lists.find(await scopeOf(turn, deps.people), wanted, 2);
    if (found.length !== 1)
      return turn.sendText(
        deps.views.text(turn, found.length === 0 ? 'show.none' : 'show.ambiguous', { id: wanted }),
      );
    const referral = await deps.referrals.load(found[0]!.id);
    if (!referral) return turn.sendText(deps.views.text(turn, 'show.none', { id: wanted }));
    await turn.sendCard(
      deps.views.referral(turn, referral, await deps.outbound.channelCards.extrasFor(referral)),
    );
  },
  stats: ({ turn, deps }) => statsCommand(turn, deps),
  digest: ({ args, turn, deps }) => digestCommand(turn, args, deps),
  sync: async ({ args, turn, deps }) => {
    if (!deps.sync) return turn.sendText(deps.views.text(turn, 'sync.off'));
    const wanted = args[0]?.toLowerCase() === 'give-up' ? args.slice(1).join(' ') : '';
    const found = wanted ? deps.lists.find(await scopeOf(turn, deps.people), wanted, 2) : [];
    if (found.length !== 1) return turn.sendText(deps.views.text(turn, 'sync.give-up.usage'));
    const referral = found[0]!;
    const params = { customer: referral.customer.name };
    if (referral.source !== PARTNER_CENTER_SOURCE)
      return turn.sendText(deps.views.text(turn, 'sync.give-up.not-partner-center', params));
    const count = await deps.sync.giveUp(referral.id, turn.actor);
    await turn.sendText(
      deps.views.text(turn, count > 0 ? 'sync.give-up.done' : 'sync.give-up.nothing', { ...params, count }),
    );
    if (count > 0) await deps.outbound.channelCards.refresh(referral.id);
  },
  status: async ({ turn, deps }) => {
    const status = deps.health ? await deps.health.status() : undefined;
    await turn.sendCard(deps.views.integrationStatus(turn, status));
  },
  settings: async ({ turn, deps }) => {
    if (!turn.channelId || !turn.teamId) return turn.sendText(deps.views.text(turn, 'settings.channelOnly'));
    const team = await settingsTeam(turn.teamId, deps);
    await turn.sendCard(
      deps.views.settings(turn, await deps.settings.get(turn.channelId), undefined, undefined, team),
    );
  },
};

/**
 * Splits "archived won" or "보관함 성사" (the @mention already removed) into a command and its arguments, with the
 * words the command knows in English (bot/command-words.ts); unknown words become `help`.
 */
export function parseCommand(text: string): { name: CommandName; args: string[]; unknown?: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const name = words[0] === undefined ? 'help' : commandNamed(words[0]);
  if (name) return { name, args: handlerArguments(name, words.slice(1)) };
  return { name: 'help', args: [], unknown: text.trim() };
}

/** `inbox co-sell`: only co-sell referrals (core/co-sell.ts). */
const coSellOnly = (args: string[]) => (listFilters(args).coSell ? { coSell: true } : {});

export async function listPage(turn: Turn, deps: BotDeps, request: ListRequest) {
  const scope: Scope = await scopeOf(turn, deps.people);
  const only = request.coSell ? { only: (e: { coSell?: boolean }) => e.coSell === true } : {};
  switch (request.list) {
    case 'inbox':
      return deps.lists.inbox(scope, request.page, LIST_PAGE_SIZE, only);
    case 'active':
      return deps.lists.active(scope, request.page, LIST_PAGE_SIZE, only);
    case 'mine':
      return deps.lists.ownedBy(scope, turn.actor.id, request.page, LIST_PAGE_SIZE, only);
    case 'archived': {
      const kind: ClosedSubstatus | undefined = request.filter ? CLOSED_WORDS[request.filter] : undefined;
      return deps.lists.archived(scope, kind, request.page, LIST_PAGE_SIZE, only);
    }
  }
}

async function sendList(turn: Turn, deps: BotDeps, request: ListRequest): Promise<void> {
  await turn.sendCard(deps.views.list(turn, request, await listPage(turn, deps, request)));
}
