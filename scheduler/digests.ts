import { digestPeriodMs, nextDigestAt } from '../core/digest-schedule';
import { digestCard } from '../cards/digest-card';
import { personalView, type DisplayDefaults } from '../cards/view-context';
import type { Outbound } from '../outbound/create-outbound';
import { digestThreadUrls } from '../outbound/thread-links';
import type { Logger } from '../platform/logger';
import type { DigestBuilder } from '../services/digest-builder';
import type { People } from '../services/people';
import type { Scope } from '../services/referral-directory';
import type { DigestSubscriptions } from '../storage/digest-subscriptions';

export interface DueDigestsDeps {
  digests: DigestBuilder;
  people: Pick<People, 'teamsOf'>;
  subscriptions: DigestSubscriptions;
  outbound: Pick<Outbound, 'postCardOnce' | 'threadLinks'>;
  display: DisplayDefaults;
  log: Logger;
}

// Due subscriptions handled per tick; the rest wait a minute.
const DIGEST_BATCH = 100;

/** Sends every digest due by `now`, each once per period (post-once key), then moves its schedule on. */
export async function sendDueDigests(deps: DueDigestsDeps, now: Date): Promise<number> {
  let sent = 0;
  for (const sub of await deps.subscriptions.due(now, DIGEST_BATCH)) {
    const period = { from: new Date(sub.nextAt.getTime() - digestPeriodMs(sub.schedule)), to: sub.nextAt };
    const view = { ...personalView(deps.display, sub.locale, now), timeZone: sub.schedule.timeZone };
    // A channel's digest covers its referrals; a personal one, those of the subscriber's teams.
    const scope: Scope = sub.channelId
      ? { kind: 'channel', channelId: sub.channelId, ...(sub.tenantId ? { tenantId: sub.tenantId } : {}) }
      : {
          kind: 'teams',
          teamIds: await deps.people.teamsOf({
            aadObjectId: sub.createdBy.id,
            ...(sub.tenantId ? { tenantId: sub.tenantId } : {}),
          }),
          ...(sub.tenantId ? { tenantId: sub.tenantId } : {}),
        };
    const digest = deps.digests.build(scope, period, now);
    const card = digestCard(
      view,
      digest,
      await digestThreadUrls(deps.outbound.threadLinks, digest, sub.tenantId),
    );
    const outcome = await deps.outbound.postCardOnce({
      key: `digest:${sub.conversationId}:${sub.nextAt.toISOString()}`,
      conversationId: sub.conversationId,
      serviceUrl: sub.serviceUrl,
      card,
      now,
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
