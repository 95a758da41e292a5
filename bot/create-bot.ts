import type { Db } from 'mongodb';
import type { Request, Response } from 'restify';
import type { Clock } from '../platform/clock';
import type { Config } from '../app/config';
import type { Logger } from '../platform/logger';
import type { ReferralService } from '../services/referral-service';
import type { SyncState } from '../cards/card-views';
import { createCardViews } from '../cards/views';
import { channelSettings } from '../storage/channel-settings';
import { cardPosts } from '../storage/posted-messages';
import { conversations } from '../storage/conversations';
import { referralEventLog } from '../storage/referral-events';
import { openReferrals } from '../storage/open-referrals';
import { referralQueries } from '../storage/referral-queries';
import { referralRoutes } from '../storage/referral-routes';
import { createAdapter } from './adapter';
import type { BotDeps } from './bot-deps';
import { createChannelCards, type ChannelCards } from '../outbound/channel-cards';
import { messagesRoute } from './messages-route';
import { ReferralBot } from './referral-bot';
import { botTokenProvider, createConnectorClient, type ConnectorClient } from '../outbound/connector-client';
import { createPacedSender, type PacedSender } from '../outbound/paced-sender';
import { createPostOnce, type PostOnce } from '../outbound/post-once';

export interface RunningBot {
  /** POST /api/messages. */
  handleMessages(req: Request, res: Response): Promise<void>;
  channelCards: ChannelCards;
  connector: ConnectorClient;
  sender: PacedSender;
  posts: PostOnce;
  deps: BotDeps;
  stop(): Promise<void>;
}

export interface BotOptions {
  config: Config;
  db: Db;
  referrals: ReferralService;
  clock: Clock;
  log: Logger;
  syncStateOf?: (referralId: string) => Promise<SyncState | undefined>;
}

/** Everything the Teams edge needs, wired once. The only place that knows the bot's moving parts together. */
export function createBot({ config, db, referrals, clock, log, syncStateOf }: BotOptions): RunningBot {
  const views = createCardViews();
  const display = { timeZone: config.display.timeZone, defaultLocale: config.display.locale };
  const { appId, appPassword, tenantId } = config.bot;
  const connector = createConnectorClient({
    // Local mode talks to the Agents Playground, which takes no token.
    getToken: appId && appPassword ? botTokenProvider(appId, appPassword, tenantId) : undefined,
  });
  const sender = createPacedSender({ log });
  const posts = createPostOnce(cardPosts(db));
  const events = referralEventLog(db);
  const base = {
    conversations: conversations(db),
    settings: channelSettings(db),
    routes: referralRoutes(db),
    queries: referralQueries(db),
  };
  const channelCards = createChannelCards({
    ...base,
    open: openReferrals(db),
    load: (id) => referrals.load(id),
    history: (id) => events.listAfter(id, 0),
    syncStateOf,
    connector,
    sender,
    posts,
    views,
    display,
    clock,
    log,
  });
  const deps: BotDeps = { ...base, referrals, channelCards, clock, display, log };
  const bot = new ReferralBot(deps, views);
  const handleMessages = messagesRoute(createAdapter(config.bot, log), bot);
  return {
    handleMessages,
    channelCards,
    connector,
    sender,
    posts,
    deps,
    async stop() {
      await channelCards.idle();
      await sender.stop();
    },
  };
}
