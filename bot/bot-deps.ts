import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { ReferralService } from '../services/referral-service';
import type { Locale } from '../i18n/catalogue';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversations } from '../storage/conversations';
import type { ReferralQueries } from '../storage/referral-queries';
import type { ReferralRoutes } from '../storage/referral-routes';
import type { ChannelCards } from '../outbound/channel-cards';
import type { Turn } from './turn';

/** What the bot's handlers may use. Each is injected, so tests drive them with the real store and a fake clock. */
export interface BotDeps {
  referrals: ReferralService;
  queries: ReferralQueries;
  routes: ReferralRoutes;
  conversations: Conversations;
  settings: ChannelSettingsStore;
  channelCards: ChannelCards;
  clock: Clock;
  display: { timeZone: string; defaultLocale: Locale };
  log: Logger;
  /** The `digest` command (subscriptions and on-demand digests), provided by the scheduler. */
  digest?: (turn: Turn, args: string[]) => Promise<void>;
  /** Stops Partner Center write-back retries for a referral (`sync give-up <id>`); absent when sync is off. */
  giveUpSync?: (referralId: string, actor: Turn['actor']) => Promise<number>;
}
