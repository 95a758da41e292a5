import type { Clock } from '../platform/clock';
import type { NoticeKind } from '../core/due-notices';
import type { Person, Referral } from '../core/referral';
import { PARTNER_CENTER_SOURCE, type SyncState } from '../core/sources';
import type { People } from '../services/people';
import { noticeCard } from '../cards/notice-card';
import { channelView, type DisplayDefaults } from '../cards/view-context';
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
  people: Pick<People, 'admins'>;
  /** Absent when the Partner Center integration is off: then nothing is written back to it. */
  syncStateOf?: (referralId: string) => Promise<SyncState | undefined>;
  display: DisplayDefaults;
  clock: Clock;
}

export function createThreadNotices(deps: ThreadNoticesDeps): ThreadNotices {
  async function whoToName(referral: Referral, teamId: string | undefined): Promise<Person[]> {
    if (referral.owner) return [referral.owner];
    return teamId ? deps.people.admins(teamId) : [];
  }
  return {
    async reply(referral, kind, key) {
      const thread = await deps.posts.getPost(cardKey(referral.id));
      const place = await deps.routes.get(referral.id);
      const channel = place ? await deps.conversations.get(place.channelId) : undefined;
      // No card yet (no channel installed): nothing to reply to. The notice stays due and is retried next tick.
      if (!thread?.conversationId || !thread.activityId || !channel) return 'no-thread';
      // Reminders and warnings name who should act: the referral's owner, or else the team's referral admins.
      const named = kind === 'expiry' ? [] : await whoToName(referral, place?.teamId);
      const view = channelView(deps.display, await deps.settings.get(channel.id), deps.clock());
      // With the integration on, the write-back effect queues every decision on a Partner Center referral.
      const isWrittenBack = deps.syncStateOf !== undefined && referral.source === PARTNER_CENTER_SOURCE;
      const activity = adaptiveCardActivity(noticeCard(view, referral, kind, named, isWrittenBack));
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
