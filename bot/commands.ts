import type { ClosedSubstatus } from '../core/referral';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import { createResponseStats } from '../core/stats';
import type { ListRequest } from '../cards/card-views';
import { CLOSED_WORDS } from '../cards/closed-words';
import type { BotDeps } from './bot-deps';
import { commandNamed, handlerArguments } from './command-words';
import { digestCommand } from './digest-command';
import type { Turn } from './turn';

export const LIST_PAGE_SIZE = 5;
// Stats look back this far.
const STATS_WINDOW_MS = 30 * 24 * 3600_000;

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
  inbox: ({ turn, deps }) => sendList(turn, deps, { list: 'inbox', page: 0 }),
  active: ({ turn, deps }) => sendList(turn, deps, { list: 'active', page: 0 }),
  mine: ({ turn, deps }) => sendList(turn, deps, { list: 'mine', page: 0 }),
  archived: async ({ args, turn, deps }) => {
    const word = args[0]?.toLowerCase();
    if (word !== undefined && !(word in CLOSED_WORDS))
      return turn.sendCard(deps.views.help(turn, `archived ${word}`));
    await sendList(turn, deps, { list: 'archived', page: 0, ...(word ? { filter: word } : {}) });
  },
  show: async ({ args, turn, deps }) => {
    const prefix = args[0] ?? '';
    const found = await byIdPrefix(deps, prefix);
    if (found.length !== 1)
      return turn.sendText(
        deps.views.text(turn, found.length === 0 ? 'show.none' : 'show.ambiguous', { id: prefix }),
      );
    const referral = await deps.referrals.load(found[0]!.id);
    if (referral) await turn.sendCard(deps.views.referral(turn, referral));
  },
  stats: async ({ turn, deps }) => {
    const to = turn.now;
    const from = new Date(to.getTime() - STATS_WINDOW_MS);
    const stats = createResponseStats();
    const scope = await scopeOf(turn, deps);
    for await (const referral of deps.queries.receivedBetween(from, to)) {
      if (!scope || scope.has(referral.id)) stats.add(referral);
    }
    await turn.sendCard(deps.views.stats(turn, stats.result(), { from, to }));
  },
  digest: ({ args, turn, deps }) => digestCommand(turn, args, deps),
  sync: async ({ args, turn, deps }) => {
    if (!deps.sync) return turn.sendText(deps.views.text(turn, 'sync.off'));
    const found = args[0]?.toLowerCase() === 'give-up' ? await byIdPrefix(deps, args[1] ?? '') : [];
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
  settings: async ({ turn, deps }) => {
    if (!turn.channelId) return turn.sendText(deps.views.text(turn, 'settings.channelOnly'));
    await turn.sendCard(deps.views.settings(turn, await deps.settings.get(turn.channelId)));
  },
};

// Shorter prefixes match too many referrals to be worth a query.
const MIN_ID_PREFIX = 4;

/** Up to two referrals whose id starts with `prefix`: enough to tell "none", "this one" and "ambiguous" apart. */
async function byIdPrefix(deps: BotDeps, prefix: string) {
  return prefix.length >= MIN_ID_PREFIX ? deps.queries.byIdPrefix(prefix, 2) : [];
}

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

/** The referrals a list in this conversation covers: a channel sees its own, chats see all. */
async function scopeOf(turn: Turn, deps: BotDeps): Promise<Set<string> | undefined> {
  return turn.channelId ? new Set(await deps.routes.referralIdsOf(turn.channelId)) : undefined;
}

export async function listPage(turn: Turn, deps: BotDeps, request: ListRequest) {
  const scope = await scopeOf(turn, deps);
  const ids = scope ? { referralIds: [...scope] } : {};
  switch (request.list) {
    case 'inbox':
      return deps.queries.inbox(ids, request.page, LIST_PAGE_SIZE);
    case 'active':
      return deps.queries.active(ids, request.page, LIST_PAGE_SIZE);
    case 'mine':
      return deps.queries.respondedBy(turn.actor.id, request.page, LIST_PAGE_SIZE);
    case 'archived': {
      const kind: ClosedSubstatus | undefined = request.filter ? CLOSED_WORDS[request.filter] : undefined;
      return deps.queries.archived(ids, kind, request.page, LIST_PAGE_SIZE);
    }
  }
}

async function sendList(turn: Turn, deps: BotDeps, request: ListRequest): Promise<void> {
  await turn.sendCard(deps.views.list(turn, request, await listPage(turn, deps, request)));
}
