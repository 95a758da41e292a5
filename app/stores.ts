import type { Db } from 'mongodb';
import { channelSettings } from '../storage/channel-settings';
import { conversations } from '../storage/conversations';
import { digestSubscriptions } from '../storage/digest-subscriptions';
import { dueReferrals } from '../storage/due-referrals';
import { openReferrals } from '../storage/open-referrals';
import { partnerCenterLinks } from '../storage/partner-center-links';
import { pendingChanges } from '../storage/pending-changes';
import { postedMessages } from '../storage/posted-messages';
import { referralEventLog } from '../storage/referral-events';
import { referralRoutes } from '../storage/referral-routes';
import { referralProjections } from '../storage/referrals';
import { scheduledNotices } from '../storage/scheduled-notices';
import { syncOutbox } from '../storage/sync-outbox';
import { teamRosters } from '../storage/team-rosters';
import { waitingCards } from '../storage/waiting-cards';

/** One module per collection, each built once over the service's connection; parts receive the ones they use. */
export function createStores(db: Db) {
  return {
    events: referralEventLog(db),
    projections: referralProjections(db),
    open: openReferrals(db),
    due: dueReferrals(db),
    routes: referralRoutes(db),
    conversations: conversations(db),
    settings: channelSettings(db),
    postedMessages: postedMessages(db),
    notices: scheduledNotices(db),
    subscriptions: digestSubscriptions(db),
    links: partnerCenterLinks(db),
    outbox: syncOutbox(db),
    pendingChanges: pendingChanges(db),
    waiting: waitingCards(db),
    rosters: teamRosters(db),
  };
}

export type Stores = ReturnType<typeof createStores>;
