import type { People, Viewer } from '../services/people';
import type { DirectoryEntry, Scope } from '../services/referral-directory';
import * as visibility from '../services/visibility';
import type { Turn } from './turn';

// The visibility rule itself lives in services/visibility.ts (the tab follows it too); this only says who and
// where a turn is.

export const viewerOf = (turn: Turn): Viewer => ({
  aadObjectId: turn.actor.id,
  ...(turn.tenantId ? { tenantId: turn.tenantId } : {}),
});

/** Where the turn came from, as the visibility rule sees places. */
export function placeOf(turn: Turn): visibility.ViewPlace {
  if (turn.conversationKind === 'channel' && turn.channelId)
    return { kind: 'channel', channelId: turn.channelId, ...(turn.teamId ? { teamId: turn.teamId } : {}) };
  if (turn.conversationKind === 'groupChat')
    return { kind: 'groupChat', conversationId: turn.conversationId };
  return { kind: 'personal' };
}

/** What the person behind a turn may see from where they are. */
export const scopeOf = (turn: Turn, people: People): Promise<Scope> =>
  visibility.scopeFor(viewerOf(turn), placeOf(turn), people);

/** Whether the person behind `turn` may see and act on `entry`. */
export const mayActOn = (turn: Turn, entry: DirectoryEntry | undefined, people: People): Promise<boolean> =>
  visibility.mayActOn(viewerOf(turn), entry, people, placeOf(turn));
