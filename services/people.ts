import type { Person } from '../core/referral';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Conversations } from '../storage/conversations';
import type { ReferralRoutes } from '../storage/referral-routes';
import type { TeamMember, TeamRoster, TeamRosters } from '../storage/team-rosters';

/** Someone Teams told us about: their Entra object id, and the tenant they came from. */
export interface Viewer {
  aadObjectId: string;
  tenantId?: string;
}

/**
 * Who belongs to which team, from the Bot Connector's roster: read on first use, kept in the store, refreshed
 * after `ROSTER_MAX_AGE_MS`, and updated at once when Teams says members came or went.
 */
export interface People {
  membersOf(teamId: string): Promise<TeamMember[]>;
  isMember(teamId: string, viewer: Viewer): Promise<boolean>;
  /** The teams (of the viewer's tenant, where the bot is installed) the viewer belongs to. */
  teamsOf(viewer: Viewer): Promise<Set<string>>;
  /**
   * Referral admins of a team: whoever installed the bot there (Teams' roster cannot tell owners apart), anyone
   * the roster calls an owner, and the people named in settings.
   */
  isAdmin(teamId: string, viewer: Viewer): Promise<boolean>;
  admins(teamId: string): Promise<Person[]>;
  /** The members a referral may be assigned to: its team's. None when it belongs to no team yet. */
  assigneesFor(referralId: string): Promise<Person[]>;
  /** The bot was installed in a team (or Teams told us members came or went): the roster is read again. */
  installed(team: { teamId: string; tenantId?: string; serviceUrl: string }, by?: TeamMember): Promise<void>;
  membersChanged(teamId: string): Promise<void>;
  setAdmins(teamId: string, adminIds: string[]): Promise<void>;
  forget(teamId: string): Promise<void>;
}

export interface PeopleDeps {
  rosters: TeamRosters;
  conversations: Conversations;
  routes: ReferralRoutes;
  /** Every member of a team, all roster pages read. */
  fetchRoster(serviceUrl: string, teamId: string): Promise<TeamMember[]>;
  clock: Clock;
  log: Logger;
}

/** A roster older than this is read again before it is trusted; membership events refresh it sooner. */
export const ROSTER_MAX_AGE_MS = 10 * 60_000;
const OWNER_ROLES = new Set(['owner', 'admin']);

const personOf = (member: TeamMember): Person => ({ id: member.aadObjectId, name: member.name });

export function createPeople(deps: PeopleDeps): People {
  const cache = new Map<string, TeamRoster>();
  const refreshing = new Map<string, Promise<TeamRoster | undefined>>();

  async function refresh(known: TeamRoster): Promise<TeamRoster> {
    try {
      const members = await deps.fetchRoster(known.serviceUrl, known.teamId);
      const roster = { ...known, members, fetchedAt: deps.clock() };
      await deps.rosters.save(roster);
      return roster;
    } catch (error) {
      // Teams unreachable: the roster we have is better than none, and the next read tries again.
      deps.log.warn(
        { err: error, teamId: known.teamId },
        'team roster could not be read; using the one kept',
      );
      return known;
    }
  }

  async function rosterOf(teamId: string): Promise<TeamRoster | undefined> {
    const now = deps.clock().getTime();
    const held = cache.get(teamId) ?? (await deps.rosters.get(teamId));
    if (!held) return undefined;
    if (now - held.fetchedAt.getTime() < ROSTER_MAX_AGE_MS) {
      cache.set(teamId, held);
      return held;
    }
    let running = refreshing.get(teamId);
    if (!running) {
      running = refresh(held).finally(() => refreshing.delete(teamId));
      refreshing.set(teamId, running);
    }
    const fresh = await running;
    if (fresh) cache.set(teamId, fresh);
    return fresh;
  }

  async function isMember(teamId: string, viewer: Viewer): Promise<boolean> {
    const roster = await rosterOf(teamId);
    if (!roster || (viewer.tenantId && roster.tenantId && roster.tenantId !== viewer.tenantId)) return false;
    return roster.members.some((m) => m.aadObjectId === viewer.aadObjectId);
  }

  async function admins(teamId: string): Promise<Person[]> {
    const roster = await rosterOf(teamId);
    if (!roster) return [];
    const chosen = new Set(roster.adminIds);
    if (roster.installedBy) chosen.add(roster.installedBy.aadObjectId);
    return roster.members
      .filter((m) => chosen.has(m.aadObjectId) || OWNER_ROLES.has((m.role ?? '').toLowerCase()))
      .map(personOf);
  }

  return {
    membersOf: async (teamId) => (await rosterOf(teamId))?.members ?? [],
    isMember,
    async teamsOf(viewer) {
      const teamIds = new Set(
        (await deps.conversations.listChannels())
          .filter((c) => c.teamId && (!viewer.tenantId || !c.tenantId || c.tenantId === viewer.tenantId))
          .map((c) => c.teamId!),
      );
      const mine = new Set<string>();
      for (const teamId of teamIds) if (await isMember(teamId, viewer)) mine.add(teamId);
      return mine;
    },
    async isAdmin(teamId, viewer) {
      return (
        (await isMember(teamId, viewer)) && (await admins(teamId)).some((a) => a.id === viewer.aadObjectId)
      );
    },
    admins,
    async assigneesFor(referralId) {
      const place = await deps.routes.get(referralId);
      if (!place?.teamId) return [];
      return (await rosterOf(place.teamId))?.members.map(personOf) ?? [];
    },
    async installed(team, by) {
      const known = cache.get(team.teamId) ?? (await deps.rosters.get(team.teamId));
      const base: TeamRoster = {
        members: [],
        adminIds: [],
        ...known,
        teamId: team.teamId,
        serviceUrl: team.serviceUrl,
        ...(team.tenantId ? { tenantId: team.tenantId } : {}),
        ...(known?.installedBy || !by ? {} : { installedBy: { aadObjectId: by.aadObjectId, name: by.name } }),
        fetchedAt: new Date(0),
      };
      cache.set(team.teamId, await refresh(base));
    },
    async membersChanged(teamId) {
      const known = cache.get(teamId) ?? (await deps.rosters.get(teamId));
      if (known) cache.set(teamId, await refresh(known));
    },
    async setAdmins(teamId, adminIds) {
      const known = await rosterOf(teamId);
      if (!known) return;
      const roster = { ...known, adminIds };
      await deps.rosters.save(roster);
      cache.set(teamId, roster);
    },
    async forget(teamId) {
      cache.delete(teamId);
      await deps.rosters.forget(teamId);
    },
  };
}
