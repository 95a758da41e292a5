import type { Activity } from 'botbuilder';
import type { Actor } from '../core/referral';
import type { Conversation } from '../storage/conversations';
import type { TeamMember } from '../storage/team-rosters';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** The person behind an activity. Their Entra object id is stable across chats, so it identifies them. */
export function actorOf(activity: Partial<Activity>): Actor {
  const from = activity.from;
  return {
    kind: 'user',
    id: from?.aadObjectId ?? from?.id ?? 'unknown',
    name: from?.name?.trim() || 'Someone',
  };
}

/** The tenant an activity came from, as Teams states it. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return (
    (activity.channelData as TeamsChannelData | undefined)?.tenant?.id ?? activity.conversation?.tenantId
  );
}

/** A member of the team as an activity names them (the roster's shape), e.g. who installed the bot. */
export function memberOf(account: Partial<Activity>['from']): TeamMember | undefined {
  if (!account?.id || !account.aadObjectId) return undefined;
  return { teamsId: account.id, aadObjectId: account.aadObjectId, name: account.name?.trim() || 'Someone' };
}

/**
 * Where an activity happened, as the conversation to remember for proactive messages. In a channel that is the
 * channel itself, not the thread the activity came from (`<channel>;messageid=<root>`).
 */
export function conversationOf(activity: Partial<Activity>, now: Date): Conversation | undefined {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const type = activity.conversation?.conversationType;
  if (!activity.serviceUrl || !activity.conversation?.id || !activity.recipient?.id) return undefined;
  const base = {
    serviceUrl: activity.serviceUrl,
    tenantId: data.tenant?.id ?? activity.conversation.tenantId,
    botId: activity.recipient.id,
    botName: activity.recipient.name,
    installedAt: now,
  };
  if (type === 'channel' || data.channel?.id) {
    const channelId = data.channel?.id ?? activity.conversation.id.split(';')[0]!;
    return {
      ...base,
      id: channelId,
      kind: 'channel',
      channelId,
      channelName: data.channel?.name,
      teamId: data.team?.id,
      teamName: data.team?.name,
    };
  }
  return { ...base, id: activity.conversation.id, kind: type === 'groupChat' ? 'groupChat' : 'personal' };
}
