import { CLOSED_WORDS } from '../cards/closed-words';
import type { ClosedSubstatus } from '../core/referral';
import type { BotDeps } from './bot-deps';
import { PARTNER_CENTER_SOURCE } from '../partner-center/referral-snapshot';
import type { Turn } from './turn';
import type { CardViews, ListRequest } from '../cards/card-views';
import { createResponseStats } from '../core/stats';

export const LIST_PAGE_SIZE = 5;
// Stats and on-demand digests look back this far.
const STATS_WINDOW_MS = 30 * 24 * 3600_000;

export type CommandName =
  'help' | 'inbox' | 'active' | 'archived' | 'show' | 'mine' | 'stats' | 'digest' | 'settings' | 'sync';
type CommandHandler = (turn: Turn, args: string[], deps: BotDeps, views: CardViews) => Promise<void>;

/** Commands by name: the one table that says what a person can type. */
export const COMMANDS: Record<CommandName, CommandHandler> = {
  help: async (turn, _args, _deps, views) => turn.sendCard(views.help(turn)),
  inbox: (turn, _args, deps, views) => sendList(turn, deps, views, { list: 'inbox', page: 0 }),
  active: (turn, _args, deps, views) => sendList(turn, deps, views, { list: 'active', page: 0 }),
  mine: (turn, _args, deps, views) => sendList(turn, deps, views, { list: 'mine', page: 0 }),
  archived: async (turn, args, deps, views) => {
    const word = args[0]?.toLowerCase();
    if (word !== undefined && !(word in CLOSED_WORDS))
      return turn.sendCard(views.help(turn, `archived ${word}`));
    await sendList(turn, deps, views, { list: 'archived', filter: word, page: 0 });
  },
  show: async (turn, args, deps, views) => {
    const prefix = args[0] ?? '';
    const found = await byIdPrefix(deps, prefix);
    if (found.length !== 1)
      return turn.sendText(
        views.text(turn, found.length === 0 ? 'show.none' : 'show.ambiguous', { id: prefix }),
      );
    const referral = await deps.referrals.load(found[0]!.id);
    if (referral) await turn.sendCard(views.referral(turn, referral));
  },
  stats: async (turn, _args, deps, views) => {
    const to = turn.now;
    const from = new Date(to.getTime() - STATS_WINDOW_MS);
    const stats = createResponseStats();
    const scope = await scopeOf(turn, deps);
    for await (const referral of deps.queries.receivedBetween(from, to)) {
      if (!scope || scope.has(referral.id)) stats.add(referral);
    }
    await turn.sendCard(views.stats(turn, stats.result(), { from, to }));
  },
  digest: async (turn, args, deps, views) =>
    deps.digest ? deps.digest(turn, args) : COMMANDS.stats(turn, args, deps, views),
  sync: async (turn, args, deps, views) => {
    if (!deps.giveUpSync) return turn.sendText(views.text(turn, 'sync.off'));
    const found = args[0]?.toLowerCase() === 'give-up' ? await byIdPrefix(deps, args[1] ?? '') : [];
    if (found.length !== 1) return turn.sendText(views.text(turn, 'sync.give-up.usage'));
    const referral = found[0]!;
    const params = { customer: referral.customer.name };
    if (referral.source !== PARTNER_CENTER_SOURCE)
      return turn.sendText(views.text(turn, 'sync.give-up.not-partner-center', params));
    const count = await deps.giveUpSync(referral.id, turn.actor);
    await turn.sendText(
      views.text(turn, count > 0 ? 'sync.give-up.done' : 'sync.give-up.nothing', { ...params, count }),
    );
    if (count > 0) await deps.channelCards.refresh(referral.id);
  },
  settings: async (turn, _args, deps, views) => {
    if (!turn.channelId) return turn.sendText(views.text(turn, 'settings.channelOnly'));
    await turn.sendCard(views.settings(turn, await deps.settings.get(turn.channelId)));
  },
};

// Shorter prefixes match too many referrals to be worth a query.
const MIN_ID_PREFIX = 4;

/** Up to two referrals whose id starts with `prefix`: enough to tell "none", "this one" and "ambiguous" apart. */
async function byIdPrefix(deps: BotDeps, prefix: string) {
  return prefix.length >= MIN_ID_PREFIX ? deps.queries.byIdPrefix(prefix, 2) : [];
}

/** Splits "@Referral Desk archived won" into a command and its arguments; unknown words become `help`. */
export function parseCommand(text: string): { name: CommandName; args: string[]; unknown?: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = (words[0] ?? 'help').toLowerCase();
  if (first in COMMANDS) return { name: first as CommandName, args: words.slice(1) };
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

async function sendList(turn: Turn, deps: BotDeps, views: CardViews, request: ListRequest): Promise<void> {
  await turn.sendCard(views.list(turn, request, await listPage(turn, deps, request)));
}
