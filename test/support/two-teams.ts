// Two teams of the same partner with the bot in both: the desk's own team (Dana) claims some countries, and team B,
// whose only member is Mina, is the default and takes the rest.
import { t } from '../../i18n/catalogue';
import type { Desk } from './desk';
import { cardText, DANA, saveSettings, teamsClient, type Person } from './teams-client';

export const TEAM_B = { id: '19:team-b@thread.tacv2', name: 'Partner Services' };
export const MINA: Person = { id: '29:mina', aadObjectId: 'aad-mina', name: 'Mina Cho' };

/** Installs the bot in both teams and saves their routing; team B's Teams client. */
export async function installTwoTeams(desk: Desk, countriesOfTeamA: string) {
  desk.peer.rosters.set(TEAM_B.id, [{ id: MINA.id, aadObjectId: MINA.aadObjectId, name: MINA.name }]);
  const teamB = teamsClient(desk.service.url, desk.peer.url, { team: TEAM_B });
  await desk.teams.installInTeam(DANA);
  await teamB.installInTeam(MINA);
  for (const [client, person, settings] of [
    [desk.teams, DANA, { countries: countriesOfTeamA }],
    [teamB, MINA, { isDefault: 'true' }],
  ] as const) {
    const reply = cardText((await saveSettings(client, person, settings)).body.value);
    if (!reply.includes(t('en', 'settings.saved')))
      throw new Error(`${person.name}'s routing was not saved: ${reply}`);
  }
  return teamB;
}
