import type { Person, Referral } from '../core/referral';
import { t } from '../i18n/catalogue';
import { formatTimeLeft } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'bolder', size: 'medium', wrap: true },
    { type: 'TextBlock', text: '${text}', wrap: true, spacing: 'small' },
    { type: 'TextBlock', $when: "${due != ''}", text: '${due}', wrap: true, size: 'small', isSubtle: true },
  ],
  actions: [
    { type: 'Action.OpenUrl', $when: "${threadUrl != ''}", title: '${openTitle}', url: '${threadUrl}' },
  ],
};

/**
 * The note a person gets in their personal chat when a referral is assigned to them: what it is, who gave it to
 * them, how long it has left, and a link to its thread, where its card is.
 */
export function ownerNoticeCard(
  view: ViewContext,
  referral: Referral,
  assignedBy: Person,
  threadUrl: string | undefined,
): CardJson {
  const { locale, now } = view;
  const isNew = referral.status === 'New';
  return renderCard(TEMPLATE, {
    title: t(locale, 'ownerNotice.title', { customer: referral.customer.name }),
    text: t(locale, 'ownerNotice.text', { by: assignedBy.name, referral: referral.name }),
    due: isNew
      ? t(locale, 'card.respondBy', { left: formatTimeLeft(locale, referral.respondByAt, now) })
      : '',
    openTitle: t(locale, 'ownerNotice.open'),
    threadUrl: threadUrl ?? '',
  });
}

/** The one-time hello in a person's personal chat when they install the app. */
export function welcomeCard(view: ViewContext): CardJson {
  const { locale } = view;
  return renderCard(
    {
      type: 'AdaptiveCard',
      version: CARD_VERSION,
      body: [
        { type: 'TextBlock', text: '${title}', weight: 'bolder', size: 'medium', wrap: true },
        { type: 'TextBlock', text: '${text}', wrap: true },
      ],
    },
    { title: t(locale, 'welcome.title'), text: t(locale, 'welcome.text') },
  );
}
