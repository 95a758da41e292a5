import { outcomeStats } from '../core/outcome-stats';
import { createResponseStats, responseTimesBy } from '../core/stats';
import type { NamedResponseTimes, StatsDetails } from '../cards/stats-card';
import { t } from '../i18n/catalogue';
import type { DirectoryEntry } from '../services/referral-directory';
import type { BotDeps } from './bot-deps';
import { scopeOf, viewerOf } from './scope';
import type { Turn } from './turn';

// Stats look back this far.
const STATS_WINDOW_MS = 30 * 24 * 3600_000;

/**
 * `stats`: response times against the 24 h recommendation (a referral still inside its 24 h is pending, not
 * late), decline reasons and win rate by solution over the last 30 days; a team's referral admins also see
 * response times per person (whoever answered) and per channel, for their teams' referrals.
 */
export async function statsCommand(turn: Turn, deps: BotDeps): Promise<void> {
  const to = turn.now;
  const from = new Date(to.getTime() - STATS_WINDOW_MS);
  const scope = await scopeOf(turn, deps.people);
  const received = deps.lists.receivedBetween(scope, from, to);
  const stats = createResponseStats(to);
  for (const referral of received) stats.add(referral);
  const details: StatsDetails = { outcomes: outcomeStats(deps.lists.closedBetween(scope, from, to)) };
  const adminTeams = await teamsAdministered(turn, deps, received);
  if (adminTeams.size > 0) {
    const theirs = received.filter((r) => r.place?.teamId !== undefined && adminTeams.has(r.place.teamId));
    details.admin = {
      byPerson: named(responseTimesBy(theirs, answeredInTeams, to), personNames(theirs)),
      byChannel: named(
        responseTimesBy(theirs, (r) => r.place?.channelId, to),
        await channelNames(turn, deps, theirs),
      ),
    };
  }
  await turn.sendCard(deps.views.stats(turn, stats.result(), { from, to }, details));
}

/** Who answered in Teams; a referral answered in its source (Partner Center itself) is nobody's here. */
const answeredInTeams = (r: DirectoryEntry) =>
  r.response && r.response.byId !== r.source ? r.response.byId : undefined;

async function teamsAdministered(turn: Turn, deps: BotDeps, entries: DirectoryEntry[]): Promise<Set<string>> {
  const teams = new Set(entries.flatMap((e) => (e.place?.teamId ? [e.place.teamId] : [])));
  const administered = new Set<string>();
  for (const teamId of teams) if (await deps.people.isAdmin(teamId, viewerOf(turn))) administered.add(teamId);
  return administered;
}

const named = (rows: ReturnType<typeof responseTimesBy>, names: Map<string, string>): NamedResponseTimes[] =>
  rows.map((row) => ({ ...row, name: names.get(row.key) ?? row.key }));

function personNames(entries: DirectoryEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) if (e.response) names.set(e.response.byId, e.response.byName);
  return names;
}

async function channelNames(
  turn: Turn,
  deps: BotDeps,
  entries: DirectoryEntry[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const channelId of new Set(entries.flatMap((e) => (e.place ? [e.place.channelId] : [])))) {
    const channel = await deps.conversations.get(channelId);
    // Teams gives the General channel no name.
    names.set(
      channelId,
      channel?.channelName ??
        (channel?.teamName
          ? `${channel.teamName} › General`
          : t(turn.locale, 'stats.unnamedChannel', { id: channelId })),
    );
  }
  return names;
}
