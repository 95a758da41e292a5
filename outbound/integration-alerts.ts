import { integrationAlertCard } from '../cards/integration-alert-card';
import { channelView, type DisplayDefaults } from '../cards/view-context';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { IncidentNotice } from '../services/integration-health';
import type { People } from '../services/people';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { Outbound } from './create-outbound';

export interface IntegrationAlertsDeps {
  conversations: Conversations;
  settings: ChannelSettingsStore;
  people: Pick<People, 'admins'>;
  postCardOnce: Outbound['postCardOnce'];
  display: DisplayDefaults;
  clock: Clock;
  log: Logger;
}

/**
 * Sends an integration incident's alert (or its recovery) to the referral admins: in the default channel (the one
 * that takes unclaimed referrals), else the first channel the bot was installed in, @mentioning the team's
 * admins. Once per notice key, whoever calls and however often.
 */
export function integrationAlerts(deps: IntegrationAlertsDeps): (notice: IncidentNotice) => Promise<void> {
  return async (notice) => {
    const [channels, settings] = await Promise.all([deps.conversations.listChannels(), deps.settings.list()]);
    const isDefault = (id: string) => settings.some((s) => s.channelId === id && s.isDefault);
    const channel = channels.find((c) => isDefault(c.id)) ?? channels[0];
    if (!channel) {
      deps.log.warn({ incident: notice.incident.id }, 'no channel to alert the referral admins in');
      return;
    }
    const admins = channel.teamId ? await deps.people.admins(channel.teamId) : [];
    const chosen = settings.find((s) => s.channelId === channel.id);
    const view = channelView(deps.display, chosen, deps.clock());
    const outcome = await deps.postCardOnce({
      key: notice.key,
      conversationId: channel.id,
      serviceUrl: channel.serviceUrl,
      card: integrationAlertCard(view, notice.change, notice.incident, admins),
      now: deps.clock(),
    });
    if (outcome.status === 'failed') throw new Error(`integration alert ${notice.key} not posted`);
  };
}
