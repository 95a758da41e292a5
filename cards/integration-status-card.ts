import type { Incident } from '../core/integration-incident';
import { t } from '../i18n/catalogue';
import { formatAgo, formatDateTime } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

/** What the `status` command shows of the Partner Center integration; undefined when it is off. */
export interface IntegrationStatusView {
  lastSignedInAt?: Date;
  lastWebhookAt?: Date;
  lastPollAt?: Date;
  backlog: number;
  openIncidents: Incident[];
}

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
  ],
};

/** The integration's state: on or off, when it last signed in, heard a webhook and polled, what waits, what is wrong. */
export function integrationStatusCard(
  view: ViewContext,
  status: IntegrationStatusView | undefined,
): CardJson {
  const { locale, timeZone, now } = view;
  const when = (at: Date | undefined) =>
    at
      ? `${formatDateTime(locale, timeZone, at)} (${formatAgo(locale, at, now)})`
      : t(locale, 'status.never');
  const facts = status
    ? [
        [t(locale, 'status.state'), t(locale, 'status.on')],
        [t(locale, 'status.lastSignIn'), when(status.lastSignedInAt)],
        [t(locale, 'status.lastWebhook'), when(status.lastWebhookAt)],
        [t(locale, 'status.lastPoll'), when(status.lastPollAt)],
        [t(locale, 'status.backlog'), String(status.backlog)],
        [
          t(locale, 'status.incident'),
          status.openIncidents.length === 0
            ? t(locale, 'status.none')
            : status.openIncidents
                .map((i) => `${t(locale, `incident.${i.kind}.opened.title`)} (${when(i.openedAt)})`)
                .join('; '),
        ],
      ]
    : [[t(locale, 'status.state'), t(locale, 'status.off')]];
  return renderCard(TEMPLATE, {
    title: t(locale, 'status.title'),
    facts: facts.map(([title, value]) => ({ title, value })),
  });
}
