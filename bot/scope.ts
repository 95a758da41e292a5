import type { People, Viewer } from '../services/people';
import type { DirectoryEntry, Scope } from '../services/referral-directory';
import type { Turn } from './turn';

export const viewerOf = (turn: Turn): Viewer => ({
  aadObjectId: turn.actor.id,
  ...(turn.tenantId ? { tenantId: turn.tenantId } : {}),
});

/**
 * What the person behind a turn may see from where they are: in a channel, its referrals if they are a member
 * of its team; in a personal chat, the referrals of every team they belong to; in a group chat, what was routed
 * to that chat. Nobody else's.
 */
export async function scopeOf(turn: Turn, people: People): Promise<Scope> {
  const tenant = turn.tenantId ? { tenantId: turn.tenantId } : {};
  if (turn.conversationKind === 'channel' && turn.channelId) {
    const isMember = turn.teamId !== undefined && (await people.isMember(turn.teamId, viewerOf(turn)));
    return isMember
      ? { kind: 'channel', channelId: turn.channelId, ...tenant }
      : { kind: 'teams', teamIds: new Set(), ...tenant };
  }
  if (turn.conversationKind === 'groupChat')
    return { kind: 'channel', channelId: turn.conversationId, ...tenant };
  return { kind: 'teams', teamIds: await people.teamsOf(viewerOf(turn)), ...tenant };
}

/** Whether the person behind `turn` may see and act on `entry`: a member of the team it belongs to. */
export async function mayActOn(
  turn: Turn,
  entry: DirectoryEntry | undefined,
  people: People,
): Promise<boolean> {
  const place = entry?.place;
  if (!place) return false;
  if (turn.tenantId && place.tenantId && place.tenantId !== turn.tenantId) return false;
  // Routed to a group chat: its participants, who are the ones in it.
  if (!place.teamId) return place.channelId === turn.conversationId;
  return people.isMember(place.teamId, viewerOf(turn));
}
