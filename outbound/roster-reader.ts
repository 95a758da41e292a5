import type { TeamMember } from '../storage/team-rosters';
import type { ConnectorClient } from './connector-client';

/**
 * Reads a team's whole roster from the Bot Connector, page by page (docs/teams-platform.md, "The roster"). The
 * Entra object id comes as `aadObjectId` or `objectId` depending on who answers; members without one (anonymous
 * guests) cannot be told apart and are left out.
 */
export function rosterReader(connector: ConnectorClient) {
  return async (serviceUrl: string, teamId: string): Promise<TeamMember[]> => {
    const members: TeamMember[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await connector.getPagedMembers(serviceUrl, teamId, continuationToken);
      for (const member of page.members) {
        const aadObjectId = member.aadObjectId ?? member.objectId;
        if (!aadObjectId) continue;
        members.push({
          teamsId: member.id,
          aadObjectId,
          name: member.name?.trim() || member.email || member.userPrincipalName || 'Someone',
          ...(member.email ? { email: member.email } : {}),
          ...(member.userRole ? { role: member.userRole } : {}),
        });
      }
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return members;
  };
}
