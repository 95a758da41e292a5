import type { SettingsTeam } from '../cards/settings-card';
import type { BotDeps } from './bot-deps';

/** The team a settings card shows: its members (admins are chosen among them) and who its admins are now. */
export async function settingsTeam(teamId: string, deps: BotDeps): Promise<SettingsTeam> {
  const members = (await deps.people.membersOf(teamId)).map((m) => ({ id: m.aadObjectId, name: m.name }));
  return { members, admins: await deps.people.admins(teamId) };
}
