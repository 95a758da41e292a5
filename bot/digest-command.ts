import { digestPeriodMs, nextDigestAt, parseDigestRequest } from '../core/digest-schedule';
import { digestCard } from '../cards/digest-card';
import { t, type Locale } from '../i18n/catalogue';
import { commandWordParams } from '../i18n/command-words';
import { formatDateTime } from '../i18n/format';
import type { Outbound } from '../outbound/create-outbound';
import { digestThreadUrls } from '../outbound/thread-links';
import type { DigestBuilder } from '../services/digest-builder';
import type { DigestSubscriptions } from '../storage/digest-subscriptions';
import type { People } from '../services/people';
import { scopeOf } from './scope';
import type { Turn } from './turn';

const WEEKDAY_NAMES: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ko: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
};

export interface DigestCommandDeps {
  digests: DigestBuilder;
  outbound: Pick<Outbound, 'threadLinks'>;
  subscriptions: DigestSubscriptions;
  people: People;
}

/** `digest` (now), `digest daily 08:00 [zone]`, `digest weekly mon 08:00 [zone]`, `digest off`. */
export async function digestCommand(turn: Turn, args: string[], deps: DigestCommandDeps): Promise<void> {
  const parsed = parseDigestRequest(args, turn.timeZone);
  if (!parsed.ok) return turn.sendText(t(turn.locale, 'digest.usage', commandWordParams(turn.locale)));
  const request = parsed.value;
  const where = turn.channelId ?? turn.conversationId;
  if (request.kind === 'now') {
    const from = new Date(turn.now.getTime() - digestPeriodMs({ cadence: 'weekly' }));
    const digest = deps.digests.build(await scopeOf(turn, deps.people), { from, to: turn.now }, turn.now);
    const urls = await digestThreadUrls(deps.outbound.threadLinks, digest, turn.tenantId);
    return turn.sendCard(digestCard(turn, digest, urls));
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
    ...(turn.tenantId ? { tenantId: turn.tenantId } : {}),
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
