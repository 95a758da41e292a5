import cron from 'node-cron';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { ChangeEffects } from '../services/change-effects';
import type { ReferralService } from '../services/referral-service';
import { dueNotices, noticeKey, type NoticeKind, type ScheduledKind } from '../core/due-notices';
import { isReportBackDue, reportBackKey } from '../core/report-back';
import type { ReferralDirectory } from '../services/referral-directory';
import type { Actor, Referral } from '../core/referral';
import type { DueReferrals } from '../storage/due-referrals';
import type { ScheduledNotice, ScheduledNotices } from '../storage/scheduled-notices';
import type { Outbound } from '../outbound/create-outbound';
import { sendDueDigests, type DueDigestsDeps } from './digests';

const isExpired = (referral: Referral) => referral.closure?.substatus === 'Expired';

export const SCHEDULER_ACTOR: Actor = { kind: 'system', id: 'scheduler', name: 'Referral Desk' };
// A tick reads at most this many unanswered referrals; a bigger backlog is worked off over the next ticks.
const BATCH = 500;

export interface SchedulerDeps {
  referrals: ReferralService;
  /** Changes whose effects a crash or a failure left half-done: finished on each tick. */
  changes: Pick<ChangeEffects, 'recover'>;
  due: DueReferrals;
  notices: ScheduledNotices;
  /** Thread notices, card redraws (the flame cools at 72 h), cards waiting for a channel, digests. */
  outbound: Pick<
    Outbound,
    'channelCards' | 'threadNotices' | 'postCardOnce' | 'personalNotices' | 'threadLinks'
  >;
  /** Every referral's summary: where Active referrals past their purchase date are found. */
  directory: Pick<ReferralDirectory, 'all'>;
  digests: DueDigestsDeps['digests'];
  people: DueDigestsDeps['people'];
  subscriptions: DueDigestsDeps['subscriptions'];
  display: DueDigestsDeps['display'];
  log: Logger;
}

export interface TickReport {
  changesFinished: number;
  cardsPosted: number;
  decided: number;
  done: number;
  digests: number;
}

export interface Scheduler {
  tick(now: Date): Promise<TickReport>;
}

/**
 * Turns time into lifecycle calls and notices. Each notice is decided by a unique insert (so two workers never
 * both decide it) and sent through post-once under the same key (so a crash after deciding is finished later).
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  // Report-back keys known to be decided: a decision is for ever, and an owner who never reports back would
  // otherwise cost a point read every tick.
  const reportBackDecided = new Set<string>();

  /** The owner's report-back reminder, if the referral is still Active past the very date the key names. */
  async function finishReportBack(
    notice: ScheduledNotice,
    now: Date,
  ): Promise<'sent' | 'pending' | 'skipped'> {
    const referral = await deps.referrals.load(notice.referralId);
    if (!referral || !isReportBackDue(referral, now) || reportBackKey(referral) !== notice.key)
      return 'skipped';
    const outcome = await deps.outbound.personalNotices.reportBack(referral, notice.key);
    if (outcome === 'in-flight') return 'pending';
    // No owner, or one who is no longer on the team or cannot be written to: nobody to remind; the digest still
    // lists it.
    return outcome === 'sent' || outcome === 'already-sent' ? 'sent' : 'skipped';
  }

  /** Sends the notice; `skipped` when the referral was answered after all (a click racing the expiry). */
  async function carryOut(
    notice: { key: string; kind: NoticeKind },
    referral: Referral,
  ): Promise<'sent' | 'pending' | 'skipped'> {
    if (notice.kind === 'flame') {
      await deps.outbound.channelCards.refresh(referral.id);
      return 'sent';
    }
    if (notice.kind === 'expiry' && referral.status === 'New') {
      const outcome = await deps.referrals.apply(referral.id, { type: 'expire' }, SCHEDULER_ACTOR);
      if (outcome.status === 'applied') referral = outcome.referral;
      else if (outcome.status !== 'not-found' && !isExpired(outcome.referral)) return 'skipped';
    }
    const outcome = await deps.outbound.threadNotices.reply(referral, notice.kind, notice.key);
    return outcome === 'sent' ? 'sent' : 'pending';
  }

  /** A thread notice (or the flame) if it still applies; a reminder overtaken by events is dropped. */
  async function finishNotice(
    notice: { key: string; referralId: string; kind: NoticeKind },
    now: Date,
  ): Promise<'sent' | 'pending' | 'skipped'> {
    const referral = await deps.referrals.load(notice.referralId);
    // An expiry stands once it happened; every notice, expiry included, lapses once someone answered.
    const stillApplies =
      referral !== undefined &&
      ((notice.kind === 'expiry' && isExpired(referral)) || dueNotices(referral, now).includes(notice.kind));
    return stillApplies ? carryOut(notice, referral) : 'skipped';
  }

  /** A notice decided earlier is finished: sent, or dropped once it no longer applies. */
  async function finish(notice: ScheduledNotice, now: Date): Promise<boolean> {
    const { kind } = notice;
    const outcome =
      kind === 'report-back'
        ? await finishReportBack(notice, now)
        : await finishNotice({ ...notice, kind }, now);
    if (outcome === 'pending') return false;
    await deps.notices.markDone(notice.key, now, outcome === 'skipped');
    return true;
  }

  async function tick(now: Date): Promise<TickReport> {
    const report: TickReport = {
      changesFinished: await deps.changes.recover(),
      cardsPosted: await deps.outbound.channelCards.postWaiting(),
      decided: 0,
      done: 0,
      digests: 0,
    };
    const candidates = await deps.due.unansweredPastRespondBy(now, BATCH);
    const due: { key: string; referralId: string; kind: ScheduledKind }[] = candidates.flatMap((r) =>
      dueNotices(r, now).map((kind) => ({ key: noticeKey(kind, r.id), referralId: r.id, kind })),
    );
    for (const entry of deps.directory.all()) {
      const key = isReportBackDue(entry, now) ? reportBackKey(entry) : undefined;
      if (key && !reportBackDecided.has(key) && due.length < 2 * BATCH)
        due.push({ key, referralId: entry.id, kind: 'report-back' });
    }
    const decided = await deps.notices.decided(due.map(({ key }) => key));
    for (const { key, referralId, kind } of due) {
      if (!decided.has(key) && (await deps.notices.decide({ key, referralId, kind, decidedAt: now })))
        report.decided++;
      // Decided, by this worker or another: for ever.
      if (kind === 'report-back') reportBackDecided.add(key);
    }
    // Everything decided and not yet done, by this worker just now or by one that died: finish it.
    for (const notice of await deps.notices.unfinished(BATCH)) {
      try {
        if (await finish(notice, now)) report.done++;
      } catch (error) {
        deps.log.warn({ err: error, key: notice.key }, 'scheduled notice not finished; retrying next tick');
      }
    }
    report.digests = await sendDueDigests(deps, now);
    return report;
  }

  return { tick };
}

/** Ticks on a cron schedule (every minute by default) with the injected clock; overlapping ticks are skipped. */
export function startScheduler(
  scheduler: Scheduler,
  options: { cron?: string; clock: Clock; log: Logger },
): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const task = cron.schedule(options.cron ?? '* * * * *', () => {
    if (running) return;
    running = scheduler
      .tick(options.clock())
      .then((report) => options.log.debug({ ...report }, 'scheduler tick'))
      .catch((error: unknown) => options.log.error({ err: error }, 'scheduler tick failed'))
      .finally(() => (running = undefined));
  });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}

export type { NoticeKind };
