import type { Person, Referral } from '../core/referral';
import { ownerNoticeCard } from '../cards/owner-notice-card';
import { reportBackCard } from '../cards/report-back-card';
import type { CardJson } from '../cards/render';
import { channelView, type DisplayDefaults, type ViewContext } from '../cards/view-context';
import type { Clock } from '../platform/clock';
import type { People } from '../services/people';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { ReferralRoutes } from '../storage/referral-routes';
import { adaptiveCardActivity, ConnectorError, type ConnectorClient } from './connector-client';
import type { PacedSender } from './paced-sender';
import type { PostOnce } from './post-once';
import { createThreadLinks } from './thread-links';

export type PersonalNoticeOutcome = 'sent' | 'already-sent' | 'in-flight' | 'not-a-member' | 'failed';

/** Notes in a person's own personal chat with the bot, each sent at most once. */
export interface PersonalNotices {
  /** Tells a referral's new owner it is theirs, with a link to its thread: once per referral and owner. */
  ownerAssigned(referral: Referral, owner: Person, assignedBy: Person): Promise<PersonalNoticeOutcome>;
  /** Asks the owner of an Active referral past its purchase date to report back: once per `key`. */
  reportBack(referral: Referral, key: string): Promise<PersonalNoticeOutcome>;
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
  const { threadUrl } = createThreadLinks(deps.posts);

  /** Sends `cardFor`'s card to `person`'s personal chat once per `key`, in the referral's channel's language. */
  async function sendOnce(
    referral: Referral,
    person: Person,
    key: string,
    cardFor: (view: ViewContext, threadUrl: string | undefined) => CardJson,
  ): Promise<PersonalNoticeOutcome> {
    const place = await deps.routes.get(referral.id);
    const channel = place ? await deps.conversations.get(place.channelId) : undefined;
    const member = place?.teamId
      ? (await deps.people.membersOf(place.teamId)).find((m) => m.aadObjectId === person.id)
      : undefined;
    if (!place || !channel || !member) return 'not-a-member';
    // In the channel's language: the person's own is not known until they speak to the bot.
    const view = channelView(deps.display, await deps.settings.get(channel.id), deps.clock());
    const card = cardFor(view, await threadUrl(referral.id, place.tenantId));
    const outcome = await deps.posts.postOnce({
      key,
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
    // Teams down or busy: the caller tries again. Refused for good (the person has not installed the app, or
    // blocked it): nothing more can be done.
    if (
      outcome.status === 'failed' &&
      !(outcome.error instanceof ConnectorError && !outcome.error.isRetryable)
    )
      throw outcome.error;
    return outcome.status;
  }

  return {
    ownerAssigned: (referral, owner, assignedBy) =>
      sendOnce(referral, owner, `owner-notice:${referral.id}:${owner.id}`, (view, url) =>
        ownerNoticeCard(view, referral, assignedBy, url),
      ),
    async reportBack(referral, key) {
      if (!referral.owner) return 'not-a-member';
      return sendOnce(referral, referral.owner, key, (view, url) => reportBackCard(view, referral, url));
    },
  };
}
