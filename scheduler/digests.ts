import type { Logger } from '../platform/logger';
import { createDigest, type Digest, type DigestPeriod } from '../core/digest';
import { digestPeriodMs, nextDigestAt, parseDigestRequest } from '../core/digest-schedule';
import { digestCard } from '../cards/digest-card';
import { localeFrom, t, type Locale } from '../i18n/catalogue';
import { formatDateTime } from '../i18n/format';
import type { DigestSource } from '../storage/digest-source';
import type { DigestSubscriptions } from '../storage/digest-subscriptions';
import type { ReferralRoutes } from '../storage/referral-routes';
import { adaptiveCardActivity, type ConnectorClient } from '../outbound/connector-client';
import type { PacedSender } from '../outbound/paced-sender';
import type { PostOnce } from '../outbound/post-once';
import type { Turn } from '../bot/turn';

/** Where a `digest` command was typed, and how to answer there: the bot's turn. */
export type DigestTurn = Turn;

export interface DigestsDeps {
  source: DigestSource;
  subscriptions: DigestSubscriptions;
  routes: ReferralRoutes;
  posts: PostOnce;
  connector: ConnectorClient;
  sender: PacedSender;
  display: { timeZone: string; defaultLocale: Locale };
  log: Logger;
}

const WEEKDAY_NAMES: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ko: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
};
// Due subscriptions handled per tick; the rest wait a minute.
const DIGEST_BATCH = 100;

export function createDigests(deps: DigestsDeps) {
  /** A channel's digest covers the referrals routed to it; a chat's covers all of them. */
  async function build(channelId: string | undefined, period: DigestPeriod, now: Date): Promise<Digest> {
    const ids = channelId ? await deps.routes.referralIdsOf(channelId) : undefined;
    const digest = createDigest(period, now);
    for await (const r of deps.source.receivedIn(period, ids)) digest.received(r);
    for await (const r of deps.source.open(ids)) digest.open(r);
    for await (const r of deps.source.closedIn(period, ids)) digest.closed(r);
    return digest.result();
  }

  async function command(turn: DigestTurn, args: string[]): Promise<void> {
    const parsed = parseDigestRequest(args, turn.timeZone);
    if (!parsed.ok) return turn.sendText(t(turn.locale, 'digest.usage'));
    const request = parsed.value;
    const where = turn.channelId ?? turn.conversationId;
    if (request.kind === 'now') {
      const period = {
        from: new Date(turn.now.getTime() - digestPeriodMs({ cadence: 'weekly' })),
        to: turn.now,
      };
      return turn.sendCard(digestCard(turn, await build(turn.channelId, period, turn.now)));
    }
    if (request.kind === 'off') {
      const removed = await deps.subscriptions.remove(where);
      return turn.sendText(t(turn.locale, removed ? 'digest.off' : 'digest.notSubscribed'));
    }
    const { schedule } = request;
    const nextAt = nextDigestAt(schedule, turn.now);
    await deps.subscriptions.save({
      conversationId: where,
      serviceUrl: turn.serviceUrl,
      channelId: turn.channelId,
      locale: turn.locale,
      schedule,
      nextAt,
      createdBy: { id: turn.actor.id, name: turn.actor.name },
    });
    await turn.sendText(
      t(turn.locale, `digest.subscribed.${schedule.cadence}`, {
        time: `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`,
        timeZone: schedule.timeZone,
        weekday: WEEKDAY_NAMES[turn.locale][schedule.weekday ?? 0]!,
        next: formatDateTime(turn.locale, schedule.timeZone, nextAt),
      }),
    );
  }

  /** Sends every digest due by `now`, each once per period (post-once key), then moves its schedule on. */
  async function sendDue(now: Date): Promise<number> {
    let sent = 0;
    for (const sub of await deps.subscriptions.due(now, DIGEST_BATCH)) {
      const period = { from: new Date(sub.nextAt.getTime() - digestPeriodMs(sub.schedule)), to: sub.nextAt };
      const locale = localeFrom(sub.locale, deps.display.defaultLocale);
      const card = digestCard(
        { locale, timeZone: sub.schedule.timeZone, now },
        await build(sub.channelId, period, now),
      );
      const outcome = await deps.posts.postOnce({
        key: `digest:${sub.conversationId}:${sub.nextAt.toISOString()}`,
        now,
        send: () =>
          deps.sender.send(sub.conversationId, () =>
            deps.connector.sendToConversation(sub.serviceUrl, sub.conversationId, adaptiveCardActivity(card)),
          ),
      });
      if (outcome.status === 'sent') sent++;
      // After downtime, one digest for the latest period is enough: the next one is the next from now.
      if (outcome.status === 'sent' || outcome.status === 'already-sent')
        await deps.subscriptions.advance(sub.conversationId, sub.nextAt, nextDigestAt(sub.schedule, now));
      else if (outcome.status === 'failed')
        deps.log.warn({ err: outcome.error, conversation: sub.conversationId }, 'digest not sent; retrying');
    }
    return sent;
  }

  return { build, command, sendDue };
}

export type Digests = ReturnType<typeof createDigests>;
