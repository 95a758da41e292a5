import type { Db } from 'mongodb';

/** A member of a team, as the Bot Connector's roster lists them. */
export interface TeamMember {
  /** The Teams user id (`29:…`): what a proactive 1:1 chat is created with. */
  teamsId: string;
  /** The Entra object id: what the bot and the tab know the person by. */
  aadObjectId: string;
  name: string;
  email?: string;
  /** The roster's `userRole` (`user`, `guest`, …); Teams does not say who owns the team. */
  role?: string;
}

/**
 * A team's roster, one document per team (so every read is a point read), with who installed the bot there: the
 * first referral admin, since the roster cannot tell owners apart. `adminIds` are the admins named in settings.
 */
export interface TeamRoster {
  teamId: string;
  tenantId?: string;
  serviceUrl: string;
  members: TeamMember[];
  fetchedAt: Date;
  installedBy?: { aadObjectId: string; name: string };
  adminIds: string[];
}

export interface TeamRosters {
  get(teamId: string): Promise<TeamRoster | undefined>;
  /** Whoever writes last wrote the whole truth Teams just told them: no race to arbitrate. */
  save(roster: TeamRoster): Promise<void>;
  forget(teamId: string): Promise<void>;
}

export const TEAM_ROSTERS = 'team_rosters';

export function teamRosters(db: Db): TeamRosters {
  const rosters = db.collection<Omit<TeamRoster, 'teamId'> & { _id: string }>(TEAM_ROSTERS);
  return {
    async get(teamId) {
      const doc = await rosters.findOne({ _id: teamId });
      if (!doc) return undefined;
      const { _id, ...roster } = doc;
      return { teamId: _id, ...roster };
    },
    async save({ teamId, ...roster }) {
      await rosters.replaceOne({ _id: teamId }, roster, { upsert: true });
    },
    async forget(teamId) {
      await rosters.deleteOne({ _id: teamId });
    },
  };
}
