import type { NoticeKind } from '../../core/due-notices';
import { t, type Locale } from '../../i18n/catalogue';
import type { ConnectorPeer } from './connector-peer';
import { cardText } from './teams-client';

/** The notices the scheduler replies with in a referral's thread (the flame redraws the card instead). */
export type ThreadNoticeKind = Exclude<NoticeKind, 'flame'>;
const KINDS: ThreadNoticeKind[] = ['reminder', 'warning', 'expiry'];

/**
 * Which notice a posted card is: the kind whose catalogue title (`notice.<kind>.title`, for this customer) is a
 * line of the card, after its icon. Undefined for any other card.
 */
export function noticeKindOf(
  card: unknown,
  customer: string,
  locale: Locale = 'en',
): ThreadNoticeKind | undefined {
  const lines = cardText(card).split('\n');
  return KINDS.find((kind) => {
    const title = t(locale, `notice.${kind}.title`, { customer });
    return lines.some((line) => line === title || line.endsWith(` ${title}`));
  });
}

/**
 * The replies in the thread of the referral `referralId`, in order, each as its notice kind; a reply that is no
 * notice shows as its text, so a failing spec says what came instead.
 */
export function noticesInThread(
  peer: ConnectorPeer,
  referralId: string,
  customer: string,
  locale: Locale = 'en',
): string[] {
  const thread = peer.threadsWith(referralId)[0];
  if (!thread) return [];
  return peer.replies
    .filter((reply) => reply.replyToId === thread.activityId)
    .map((reply) => noticeKindOf(reply.activity, customer, locale) ?? cardText(reply.activity));
}
