import { cardKey } from '../services/thread-link';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { ReferralEvent } from '../core/events';
import type { Referral } from '../core/referral';
import { routeReferral } from '../core/routing';
import type { SyncState } from '../core/sources';
import type { ReferralCardExtras } from '../cards/card-views';
import { referralCard } from '../cards/referral-card';
import { channelView, type DisplayDefaults } from '../cards/view-context';
import { t } from '../i18n/catalogue';
import type { ChannelSettingsStore } from '../storage/channel-settings';
import type { Conversation, Conversations } from '../storage/conversations';
import type { WaitingCards } from '../storage/waiting-cards';
import type { People } from '../services/people';
import { fitHintFor } from '../services/fit-hints';
import type { ReferralDirectory } from '../services/referral-directory';
import type { ReferralRoutes } from '../storage/referral-routes';
import { adaptiveCardActivity, type ConnectorClient } from './connector-client';
import type { PacedSender } from './paced-sender';
import type { PostedMessage, PostOnce } from './post-once';

export { cardKey };

/** The referral's card in its channel: posted once as a new thread, then kept current for everyone. */
export interface ChannelCards {
  /** Routes and posts a referral's card unless it was posted already. False when no channel exists yet. */
  post(referral: Referral): Promise<boolean>;
  /** Redraws the channel card from the referral's latest state (no-op when it was never posted). */
  refresh(referralId: string): Promise<void>;
  /** Posts every referral still without a card: after an install, at start, and on each scheduler tick. */
  postWaiting(): Promise<number>;
  /**
   * What the card shows beyond the referral itself: whom to assign it to, history, sync state. `latest`: the
   * referral's last event when it is still being appended (its history is then read up to the one before).
   */
  extrasFor(referral: Referral, latest?: ReferralEvent): Promise<ReferralCardExtras>;
  /**
   * A change's effect on the card: a new referral's card is posted, a changed one redrawn. Without an event (a
   * change finished after a crash) it posts the card if it was never posted and redraws it otherwise.
   */
  sync(change: { referral: Referral; event?: ReferralEvent }): Promise<void>;
}

export interface ChannelCardsDeps {
  conversations: Conversations;
  settings: ChannelSettingsStore;
  routes: ReferralRoutes;
  waiting: WaitingCards;
  /** The team's members, whom a referral can be assigned to. */
  people: Pick<People, 'assigneesFor'>;
  /** Told where each referral was routed, for lists and the tab. */
  directory: Pick<ReferralDirectory, 'place' | 'get' | 'inScope'>;
  load(referralId: string): Promise<Referral | undefined>;
  /** The referral's events 1 to `upToSeq`, oldest first. */
  history(referralId: string, upToSeq: number): Promise<ReferralEvent[]>;
  syncStateOf?: (referralId: string) => Promise<SyncState | undefined>;
  /** The Teams app's id (production): cards link to its pipeline tab. */
  teamsAppId?: string;
  connector: ConnectorClient;
  sender: PacedSender;
  posts: PostOnce;
  display: DisplayDefaults;
  clock: Clock;
  log: Logger;
}

// Enough for any realistic backlog of open referrals, small enough that one sweep stays cheap.
const WAITING_SWEEP_LIMIT = 200;

/** What a change's effect already holds when it asks for a redraw, so the redraw need not read it again. */
interface InHand {
  referral: Referral;
  post: PostedMessage;
}

export function createChannelCards(deps: ChannelCardsDeps): ChannelCards {
  const refreshing = new Map<string, Promise<void>>();
  const stale = new Set<string>();
  // The newest referral a change handed over per redraw still to run; without one, the redraw reads the latest.
  const inHand = new Map<string, InHand>();

  async function channelFor(referral: Referral): Promise<Conversation | undefined> {
    const decided = await deps.routes.get(referral.id);
    if (decided) return deps.conversations.get(decided.channelId);
    const channels = await deps.conversations.listChannels();
    const claims = new Map((await deps.settings.list()).map((s) => [s.channelId, s]));
    const chosen = routeReferral(
      referral,
      channels.map((c) => ({ channelId: c.id, claims: claims.get(c.id) })),
    );
    const channel = channels.find((c) => c.id === chosen);
    if (!channel) return undefined;
    // Every instance agrees on one channel: the first decision recorded wins.
    const place = {
      channelId: channel.id,
      ...(channel.teamId ? { teamId: channel.teamId } : {}),
      ...(channel.tenantId ? { tenantId: channel.tenantId } : {}),
    };
    const recorded = await deps.routes.decide(referral.id, place, deps.clock());
    deps.directory.place(referral.id, recorded);
    return channels.find((c) => c.id === recorded.channelId) ?? deps.conversations.get(recorded.channelId);
  }

  async function historyOf(referral: Referral, latest?: ReferralEvent): Promise<ReferralEvent[]> {
    if (latest?.seq !== referral.version) return deps.history(referral.id, referral.version);
    return [...(await deps.history(referral.id, latest.seq - 1)), latest];
  }

  async function extrasFor(referral: Referral, latest?: ReferralEvent): Promise<ReferralCardExtras> {
    const [assignees, history, sync, place] = await Promise.all([
      referral.status === 'Closed' ? [] : deps.people.assigneesFor(referral.id),
      historyOf(referral, latest),
      deps.syncStateOf?.(referral.id),
      deps.teamsAppId ? deps.routes.get(referral.id) : undefined,
    ]);
    const fitHint = referral.status === 'New' ? fitHintFor(deps.directory, referral.id) : undefined;
    const pipeline = deps.teamsAppId ? { appId: deps.teamsAppId, channelId: place?.channelId } : undefined;
    return { assignees, history, sync, ...(fitHint ? { fitHint } : {}), ...(pipeline ? { pipeline } : {}) };
  }

  async function activityFor(referral: Referral, channel: Conversation) {
    const view = channelView(deps.display, await deps.settings.get(channel.id), deps.clock());
    const card = referralCard(view, referral, await extrasFor(referral));
    return adaptiveCardActivity(card, {
      summary: t(view.locale, 'bot.cardSummary', { customer: referral.customer.name }),
    });
  }

  async function post(referral: Referral): Promise<boolean> {
    let channel = await channelFor(referral);
    if (!channel) {
      await deps.waiting.add(referral.id, deps.clock());
      // An install may have come in between: its sweep of waiting cards ran before this one was waiting.
      channel = await channelFor(referral);
      if (!channel) return false;
    }
    const outcome = await deps.posts.postOnce({
      key: cardKey(referral.id),
      now: deps.clock(),
      send: async (beforeRequest) => {
        const activity = await activityFor(referral, channel);
        const target = {
          tenantId: channel.tenantId ?? '',
          channelId: channel.channelId ?? channel.id,
          botId: channel.botId,
        };
        return deps.sender.send(channel.id, async () => {
          await beforeRequest();
          return deps.connector.createChannelThread(channel.serviceUrl, target, activity);
        });
      },
    });
    if (outcome.status === 'failed') {
      await deps.waiting.add(referral.id, deps.clock());
      throw outcome.error;
    }
    if (outcome.status === 'sent' || outcome.status === 'already-sent')
      await deps.waiting.remove(referral.id);
    // Someone else holds the post: a live sender will record it; a dead one's lease runs out, and the sweep of
    // waiting cards then takes the post over. Without the entry nothing would come back to it.
    else await deps.waiting.add(referral.id, deps.clock());
    deps.log.info({ referralId: referral.id, status: outcome.status }, 'referral card post');
    return true;
  }

  async function redraw(referralId: string, held?: InHand): Promise<void> {
    const where = held?.post ?? (await deps.posts.getPost(cardKey(referralId)));
    const place = await deps.routes.get(referralId);
    const channel = place ? await deps.conversations.get(place.channelId) : undefined;
    const referral = held?.referral ?? (await deps.load(referralId));
    if (!where?.activityId || !where.conversationId || !channel || !referral) return;
    const activity = await activityFor(referral, channel);
    await deps.sender.send(channel.id, () =>
      deps.connector.updateActivity(channel.serviceUrl, where.conversationId!, where.activityId!, activity),
    );
  }

  /**
   * Redraws from the latest state; changes that arrive during a redraw are folded into one more, so cards never
   * go back to an older state and a burst of edits costs two updates, not one per edit. A change's effect hands
   * over the referral it made and the post it read (`held`): effects run in the order changes were made, so the
   * newest handed over is the latest state.
   */
  function refresh(referralId: string, held?: InHand): Promise<void> {
    const newest = inHand.get(referralId);
    if (held && (!newest || newest.referral.version < held.referral.version)) inHand.set(referralId, held);
    const running = refreshing.get(referralId);
    if (running) {
      stale.add(referralId);
      return running;
    }
    const run = (async () => {
      try {
        do {
          stale.delete(referralId);
          const handedOver = inHand.get(referralId);
          inHand.delete(referralId);
          await redraw(referralId, handedOver);
        } while (stale.has(referralId));
      } finally {
        refreshing.delete(referralId);
      }
    })();
    refreshing.set(referralId, run);
    return run;
  }

  /** Cards not posted yet: no channel existed when their referral arrived, or the post failed. */
  async function postWaiting(): Promise<number> {
    let posted = 0;
    for (const id of await deps.waiting.list(WAITING_SWEEP_LIMIT)) {
      const referral = await deps.load(id);
      if (referral && (await post(referral))) posted++;
    }
    return posted;
  }

  return {
    post,
    refresh,
    postWaiting,
    extrasFor,
    async sync({ event, referral }) {
      // A new referral is posted; so is one whose card never made it (it arrived before any channel existed, or a
      // crash came between), whatever its state now. Any other change redraws the card.
      const sent = event?.type === 'received' ? undefined : await deps.posts.getPost(cardKey(referral.id));
      if (sent?.state === 'sent') await refresh(referral.id, { referral, post: sent });
      else await post(referral);
    },
  };
}
