import type { PostedMessage } from '../storage/posted-messages';

/** The post-once key of a referral's channel card: its thread's root message. */
export const cardKey = (referralId: string) => `referral-card:${referralId}`;

/**
 * Teams' link to the referral's channel thread (docs/teams-platform.md, "Deep links"), once its card is posted: what
 * an owner's note and the tab open.
 */
export function threadUrlOf(
  post: Pick<PostedMessage, 'state' | 'conversationId' | 'activityId'> | undefined,
  tenantId: string | undefined,
): string | undefined {
  if (post?.state !== 'sent' || !post.conversationId || !post.activityId) return undefined;
  const channelId = post.conversationId.split(';')[0]!;
  const query = new URLSearchParams({
    ...(tenantId ? { tenantId } : {}),
    parentMessageId: post.activityId,
    createdTime: post.activityId,
  });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(post.activityId)}?${query}`;
}
