import type { Referral } from '../core/referral';
import { t } from '../i18n/catalogue';
import { formatDay } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'bolder', size: 'medium', wrap: true },
    { type: 'TextBlock', text: '${customer}', isSubtle: true, wrap: true, spacing: 'none' },
    { type: 'TextBlock', text: '${text}', wrap: true, spacing: 'small' },
  ],
  actions: [
    { type: 'Action.OpenUrl', $when: "${threadUrl != ''}", title: '${openTitle}', url: '${threadUrl}' },
  ],
};

/**
 * The reminder an owner gets in their personal chat once an Active referral's estimated purchase date has passed:
 * report Won, Lost or a new date, on the referral's card (the link opens its thread).
 */
export function reportBackCard(
  view: ViewContext,
  referral: Referral,
  threadUrl: string | undefined,
): CardJson {
  const { locale } = view;
  const engagement = referral.engagement;
  const date = engagement?.purchase.date;
  return renderCard(TEMPLATE, {
    title: t(locale, 'reportBack.title', { name: engagement?.name ?? referral.name }),
    customer: referral.customer.name,
    text: t(locale, 'reportBack.body', { date: date ? formatDay(locale, date) : '' }),
    openTitle: t(locale, 'reportBack.open'),
    threadUrl: threadUrl ?? '',
  });
}
