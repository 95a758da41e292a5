import type { Person, Referral } from '../core/referral';
import { ownerNoticeCard } from '../cards/owner-notice-card';
import { channelView, type DisplayDefaults } from '../cards/view-context';
import type { Clock } from '../platform/clock';
import type { People } from '../services/people';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { ReferralRoutes } from '../storage/referral-routes';
import { cardKey, threadUrlOf } from '../services/thread-link';
import { adaptiveCardActivity, ConnectorError, type ConnectorClient } from './connector-client';
import type { PacedSender } from './paced-sender';
import type { PostOnce } from './post-once';

export type PersonalNoticeOutcome = 'sent' | 'already-sent' | 'in-flight' | 'not-a-member' | 'failed';

/** Notes in a person's own personal chat with the bot, each sent at most once. */
export interface PersonalNotices {
  /** Tells a referral's new owner it is theirs, with a link to its thread: once per referral and owner. */
  ownerAssigned(referral: Referral, owner: Person, assignedBy: Person): Promise<PersonalNoticeOutcome>;
}

export interface PersonalNoticesDeps {
  posts: PostOnce;
  connector: ConnectorClient;
  sender: PacedSender;
  routes: ReferralRoutes;
  conversations: Conversations;
  settings: ChannelSettingsStore;
  people: Pick<People, 'membersOf'>;
  display: DisplayDefaults;
  clock: Clock;
}

export function createPersonalNotices(deps: PersonalNoticesDeps): PersonalNotices {
  /** Teams' link to the referral's thread (docs/teams-platform.md, "Deep links"). */
  async function threadUrl(referralId: string, tenantId: string | undefined): Promise<string | undefined> {
    return threadUrlOf(await deps.posts.getPost(cardKey(referralId)), tenantId);
  }

  return {
    async ownerAssigned(referral, owner, assignedBy) {
      const place = await deps.routes.get(referral.id);
      const channel = place ? await deps.conversations.get(place.channelId) : undefined;
      const member = place?.teamId
        ? (await deps.people.membersOf(place.teamId)).find((m) => m.aadObjectId === owner.id)
        : undefined;
      if (!place || !channel || !member) return 'not-a-member';
      // In the channel's language: the person's own is not known until they speak to the bot.
      const view = channelView(deps.display, await deps.settings.get(channel.id), deps.clock());
      const card = ownerNoticeCard(view, referral, assignedBy, await threadUrl(referral.id, place.tenantId));
      const outcome = await deps.posts.postOnce({
        key: `owner-notice:${referral.id}:${owner.id}`,
        now: deps.clock(),
        send: async (beforeRequest) => {
          const target = {
            tenantId: place.tenantId ?? channel.tenantId ?? '',
            userId: member.teamsId,
            botId: channel.botId,
          };
          const conversationId = await deps.connector.createPersonalChat(channel.serviceUrl, target);
          return deps.sender.send(conversationId, async () => {
            await beforeRequest();
            return deps.connector.sendToConversation(
              channel.serviceUrl,
              conversationId,
              adaptiveCardActivity(card),
            );
          });
        },
      });
      // Teams down or busy: the change keeps its mark and the note is tried again. Refused for good (the person
      // has not installed the app, or blocked it): nothing more can be done.
      if (
        outcome.status === 'failed' &&
        !(outcome.error instanceof ConnectorError && !outcome.error.isRetryable)
      )
        throw outcome.error;
      return outcome.status;
    },
  };
}
