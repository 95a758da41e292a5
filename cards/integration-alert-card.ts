import type { Incident } from '../core/integration-incident';
import { t } from '../i18n/catalogue';
import { formatDateTime } from '../i18n/format';
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
        { type: 'TextBlock', $when: '${hasAdmins}', text: '${admins}', wrap: true, size: 'small' },
      ],
    },
  ],
};

/**
 * The referral admins' alert that the Partner Center integration is in trouble (`opened`) or out of it
 * (`recovered`), once per incident each.
 */
export function integrationAlertCard(
  view: ViewContext,
  change: 'opened' | 'recovered',
  incident: Incident,
  admins: { id: string; name: string }[] = [],
): CardJson {
  const { locale, timeZone } = view;
  const at = change === 'opened' ? incident.openedAt : (incident.resolvedAt ?? view.now);
  const mentions = admins.map(mentionOf);
  return renderCard(TEMPLATE, {
    icon: change === 'opened' ? '🚨' : '✅',
    style: change === 'opened' ? 'attention' : 'good',
    title: t(locale, `incident.${incident.kind}.${change}.title`),
    text: t(locale, `incident.${incident.kind}.${change}.text`, {
      when: formatDateTime(locale, timeZone, at),
      detail: incident.detail,
    }),
    hasAdmins: mentions.length > 0,
    admins: mentions.map((m) => m.text).join(', '),
    mentions,
  });
}
