import type { NoticeKind } from '../core/due-notices';
import type { Referral } from '../core/referral';
import { t } from '../i18n/catalogue';
import { formatDateTime, formatTimeLeft } from '../i18n/format';
import { mentionOf } from './inert-text';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  msteams: {
    entities: [
      { $data: '${mentions}', type: 'mention', text: '${text}', mentioned: { id: '${id}', name: '${name}' } },
    ],
  },
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

/** A scheduled reply in a referral's thread: the 24 h reminder, the expiry warning, the expiry notice. */
export function noticeCard(
  view: ViewContext,
  referral: Referral,
  kind: Exclude<NoticeKind, 'flame'>,
  owners: { id: string; name: string }[] = [],
): CardJson {
  const { locale, timeZone, now } = view;
  const mentions = owners.map(mentionOf);
  return renderCard(TEMPLATE, {
    ...LOOK[kind],
    title: t(locale, `notice.${kind}.title`, { customer: referral.customer.name }),
    text: t(locale, `notice.${kind}.text`, {
      left: formatTimeLeft(locale, referral.expiresAt, now),
      expiresAt: formatDateTime(locale, timeZone, referral.expiresAt),
    }),
    hasOwners: mentions.length > 0,
    owners: mentions.map((m) => m.text).join(', '),
    mentions,
  });
}
