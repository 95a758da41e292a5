import type { Actor } from '../core/referral';
import type { CardViews } from '../cards/card-views';
import type { DisplayDefaults } from '../cards/view-context';
import type { Outbound } from '../outbound/create-outbound';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { DigestBuilder } from '../services/digest-builder';
import type { IntegrationHealth } from '../services/integration-health';
import type { ReferralService } from '../services/referral-service';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { DigestSubscriptions } from '../storage/digest-subscriptions';
import type { People } from '../services/people';
import type { ReferralDirectory } from '../services/referral-directory';
import type { ReferralLists } from '../services/referral-lists';

/** What the bot's handlers may use. Each is injected, so tests drive them with the real store and a fake clock. */
export interface BotDeps {
  referrals: ReferralService;
  /** Every referral's summary and place, in memory: what lists and access checks read. */
  directory: Pick<ReferralDirectory, 'get'>;
  lists: ReferralLists;
  people: People;
  conversations: Conversations;
  settings: ChannelSettingsStore;
  /** The referral's channel card: what it shows beyond the referral, redraws, cards waiting for a channel. */
  outbound: Pick<Outbound, 'channelCards' | 'postCardOnce' | 'threadLinks'>;
  digests: DigestBuilder;
  subscriptions: DigestSubscriptions;
  /** The source write-back (`sync give-up <id>`); absent when no source is written back to. */
  sync?: { giveUp(referralId: string, actor: Actor): Promise<number> };
  /** The Partner Center integration's health (`status`); absent when the integration is off. */
  health?: Pick<IntegrationHealth, 'status'>;
  views: CardViews;
  clock: Clock;
  display: DisplayDefaults;
  log: Logger;
}
