import type { People, Viewer } from './people';
import type { DirectoryEntry, Scope } from './referral-directory';

/**
 * The one rule of who sees and acts on which referral, for every edge (the bot's commands and clicks, the tab):
 * a referral belongs to the team of the channel it was routed to, and that team's members, in its tenant, see it
 * and act on it. A referral routed to a group chat belongs to that chat: only someone speaking from it (the bot
 * knows; the tab cannot tell who is in a chat) sees it.
 */

/** Where someone looks from: a personal place (a personal chat, the tab), a team's channel, or a group chat. */
export type ViewPlace =
  | { kind: 'personal' }
  | { kind: 'channel'; channelId: string; teamId?: string }
  | { kind: 'groupChat'; conversationId: string };

/**
 * What `viewer` may see from `from`: from a personal place, the referrals of every team they belong to in their
 * tenant; from a channel, its referrals if they are a member of its team; from a group chat, what was routed to
 * that chat. Nobody else's.
 */
export async function scopeFor(viewer: Viewer, from: ViewPlace, people: People): Promise<Scope> {
  const tenant = viewer.tenantId ? { tenantId: viewer.tenantId } : {};
  switch (from.kind) {
    case 'channel': {
      const isMember = from.teamId !== undefined && (await people.isMember(from.teamId, viewer));
      return isMember
        ? { kind: 'channel', channelId: from.channelId, ...tenant }
        : { kind: 'teams', teamIds: new Set(), ...tenant };
    }
    case 'groupChat':
      return { kind: 'channel', channelId: from.conversationId, ...tenant };
    case 'personal':
      return personalScope(viewer, people);
  }
}

/** The referrals of every team `viewer` belongs to, in their tenant: what a personal chat and the tab show. */
export async function personalScope(viewer: Viewer, people: People): Promise<Scope> {
  return {
    kind: 'teams',
    teamIds: await people.teamsOf(viewer),
    ...(viewer.tenantId ? { tenantId: viewer.tenantId } : {}),
  };
}

/**
 * Whether `viewer` may see and act on `entry`: a member of the team it belongs to (in its tenant), or, for a
 * referral routed to a group chat, someone speaking from that chat.
 */
export async function mayActOn(
  viewer: Viewer,
  entry: DirectoryEntry | undefined,
  people: People,
  from: ViewPlace = { kind: 'personal' },
): Promise<boolean> {
  const place = entry?.place;
  if (!place) return false;
  if (viewer.tenantId && place.tenantId && place.tenantId !== viewer.tenantId) return false;
  if (!place.teamId) return from.kind === 'groupChat' && place.channelId === from.conversationId;
  return people.isMember(place.teamId, viewer);
}
