import type { Activity } from 'botbuilder';
import type { Actor } from '../core/referral';
import type { Conversation } from '../storage/conversations';

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
    locale: activity.locale,
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
