import type { Clock } from '../platform/clock';
import type { NoticeKind } from '../core/due-notices';
import type { Referral } from '../core/referral';
import { noticeCard } from '../cards/notice-card';
import { conversationView, type DisplayDefaults } from '../cards/view-context';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { ReferralRoutes } from '../storage/referral-routes';
import { cardKey } from './channel-cards';
import { adaptiveCardActivity, type ConnectorClient } from './connector-client';
import type { PacedSender } from './paced-sender';
import type { PostOnce } from './post-once';

export type ReplyOutcome = 'sent' | 'in-flight' | 'no-thread' | 'failed';

/** Replies in a referral's channel thread, each at most once per key. */
export interface ThreadNotices {
  reply(referral: Referral, kind: Exclude<NoticeKind, 'flame'>, key: string): Promise<ReplyOutcome>;
}

export interface ThreadNoticesDeps {
  posts: PostOnce;
  connector: ConnectorClient;
  sender: PacedSender;
  routes: ReferralRoutes;
  conversations: Conversations;
  settings: ChannelSettingsStore;
  display: DisplayDefaults;
  clock: Clock;
}

export function createThreadNotices(deps: ThreadNoticesDeps): ThreadNotices {
  return {
    async reply(referral, kind, key) {
      const thread = await deps.posts.getPost(cardKey(referral.id));
      const channelId = await deps.routes.get(referral.id);
      const channel = channelId ? await deps.conversations.get(channelId) : undefined;
      // No card yet (no channel installed): nothing to reply to. The notice stays due and is retried next tick.
      if (!thread?.conversationId || !thread.activityId || !channel) return 'no-thread';
      const owners = kind === 'reminder' ? ((await deps.settings.get(channel.id))?.owners ?? []) : [];
      const view = conversationView(deps.display, channel.locale, deps.clock());
      const activity = adaptiveCardActivity(noticeCard(view, referral, kind, owners));
      const outcome = await deps.posts.postOnce({
        key,
        now: deps.clock(),
        send: (beforeRequest) =>
          deps.sender.send(thread.conversationId!, async () => {
            await beforeRequest();
            return deps.connector.replyInThread(
              channel.serviceUrl,
              thread.conversationId!,
              thread.activityId!,
              activity,
            );
          }),
      });
      if (outcome.status === 'sent' || outcome.status === 'already-sent') return 'sent';
      return outcome.status === 'in-flight' ? 'in-flight' : 'failed';
    },
  };
}
