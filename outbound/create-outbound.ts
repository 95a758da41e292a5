import type { Referral } from '../core/referral';
import type { ReferralEvent } from '../core/events';
import type { SyncState } from '../core/sources';
import type { CardJson } from '../cards/render';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { WaitingCards } from '../storage/waiting-cards';
import type { People } from '../services/people';
import type { ReferralDirectory } from '../services/referral-directory';
import type { PostedMessages } from '../storage/posted-messages';
import type { ReferralRoutes } from '../storage/referral-routes';
import { createChannelCards, type ChannelCards } from './channel-cards';
import { adaptiveCardActivity, type ConnectorClient } from './connector-client';
import type { DisplayDefaults } from '../cards/view-context';
import { createPacedSender } from './paced-sender';
import { createPostOnce, type PostOutcome } from './post-once';
import { createPersonalNotices, type PersonalNotices } from './personal-notices';
import { createThreadLinks, type ThreadLinks } from './thread-links';
import { createThreadNotices, type ThreadNotices } from './thread-notices';

/**
 * Everything the service sends to Teams, on one path: the Bot Connector client (one attempt per call), Teams'
 * pacing, and exactly-once posts. The bot and the scheduler each receive it; neither builds its own.
 */
export interface Outbound {
  /** The referral's card in its channel: posted once, redrawn for everyone on every change. */
  channelCards: ChannelCards;
  /** Replies in a referral's channel thread (reminders, expiry warnings, expiry). */
  threadNotices: ThreadNotices;
  /** Notes in a person's personal chat (a referral assigned to them, the report-back reminder). */
  personalNotices: PersonalNotices;
  /** Links to referrals' threads, for buttons in digests. */
  threadLinks: ThreadLinks;
  /** Posts a card into a conversation the bot was told about, once per key (digests). */
  postCardOnce(request: ConversationPost): Promise<PostOutcome>;
  /** Stops sending: what waits for its turn (or comes later) fails at once and is handed back by its owner. */
  stop(): void;
}

export interface ConversationPost {
  key: string;
  conversationId: string;
  serviceUrl: string;
  card: CardJson;
  now: Date;
}

export interface OutboundDeps {
  conversations: Conversations;
  settings: ChannelSettingsStore;
  routes: ReferralRoutes;
  waiting: WaitingCards;
  directory: Pick<ReferralDirectory, 'place' | 'get' | 'inScope'>;
  people: Pick<People, 'assigneesFor' | 'admins' | 'membersOf'>;
  postedMessages: PostedMessages;
  load(referralId: string): Promise<Referral | undefined>;
  /** The referral's events 1 to `upToSeq`, oldest first. */
  history(referralId: string, upToSeq: number): Promise<ReferralEvent[]>;
  /** Absent when no source is written back to (the Partner Center integration is off). */
  syncStateOf?: (referralId: string) => Promise<SyncState | undefined>;
  /** The Teams app's id (production): cards link to its pipeline tab. */
  teamsAppId?: string;
  /** The Bot Connector client, one attempt per call (shared with the roster reads). */
  connector: ConnectorClient;
  display: DisplayDefaults;
  clock: Clock;
  log: Logger;
}

export function createOutbound(deps: OutboundDeps): Outbound {
  const { connector } = deps;
  const sender = createPacedSender({ log: deps.log });
  let isStopping = false;
  const posts = createPostOnce(deps.postedMessages, deps.clock, () => isStopping);
  const sending = { connector, sender, posts };
  const channelCards = createChannelCards({ ...deps, ...sending });
  const threadNotices = createThreadNotices({ ...deps, ...sending });
  const personalNotices = createPersonalNotices({ ...deps, ...sending });
  return {
    channelCards,
    threadNotices,
    personalNotices,
    threadLinks: createThreadLinks(posts),
    postCardOnce: ({ key, conversationId, serviceUrl, card, now }) =>
      posts.postOnce({
        key,
        now,
        send: (beforeRequest) =>
          sender.send(conversationId, async () => {
            await beforeRequest();
            return connector.sendToConversation(serviceUrl, conversationId, adaptiveCardActivity(card));
          }),
      }),
    stop() {
      isStopping = true;
      sender.stop();
    },
  };
}
