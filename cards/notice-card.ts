import type { NoticeKind } from '../core/due-notices';
import type { Referral } from '../core/referral';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import { t } from '../i18n/catalogue';
import { formatDateTime, formatTimeLeft } from '../i18n/format';
import { MENTION_ENTITIES, mentionOf } from './inert-text';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  msteams: MENTION_ENTITIES,
  body: [
    {
      type: 'Container',
      style: '${style}',
      items: [
        { type: 'TextBlock', text: '${icon} ${title}', weight: 'bolder', wrap: true },
        { type: 'TextBlock', text: '${text}', wrap: true, spacing: 'small' },
        { type: 'TextBlock', $when: '${hasOwners}', text: '${owners}', wrap: true, size: 'small' },
      ],
    },
  ],
};

const LOOK: Record<Exclude<NoticeKind, 'flame'>, { icon: string; style: string }> = {
  reminder: { icon: '⏳', style: 'warning' },
  warning: { icon: '⚠️', style: 'attention' },
  expiry: { icon: '🗄️', style: 'default' },
};

/**
 * The notice's words. Each says only what is so: Partner Center closes only its own referrals, and is told of an
 * expiry only when the expiry is queued for writing back to it (`isWrittenBack`).
 */
function textKey(referral: Referral, kind: Exclude<NoticeKind, 'flame'>, isWrittenBack: boolean) {
  if (kind === 'expiry') return isWrittenBack ? 'notice.expiry.textWrittenBack' : 'notice.expiry.text';
  if (kind === 'warning' && referral.source === PARTNER_CENTER_SOURCE)
    return 'notice.warning.textPartnerCenter';
  return `notice.${kind}.text` as const;
}

/**
 * A scheduled reply in a referral's thread: the 24 h reminder, the expiry warning, the expiry notice.
 * `isWrittenBack`: the referral's decisions are queued for writing back to its source.
 */
export function noticeCard(
  view: ViewContext,
  referral: Referral,
  kind: Exclude<NoticeKind, 'flame'>,
  owners: { id: string; name: string }[] = [],
  isWrittenBack = false,
): CardJson {
  const { locale, timeZone, now } = view;
  const mentions = owners.map(mentionOf);
  return renderCard(TEMPLATE, {
    ...LOOK[kind],
    title: t(locale, `notice.${kind}.title`, { customer: referral.customer.name }),
    text: t(locale, textKey(referral, kind, isWrittenBack), {
      left: formatTimeLeft(locale, referral.expiresAt, now),
      expiresAt: formatDateTime(locale, timeZone, referral.expiresAt),
    }),
    hasOwners: mentions.length > 0,
    owners: mentions.map((m) => m.text).join(', '),
    mentions,
  });
}
