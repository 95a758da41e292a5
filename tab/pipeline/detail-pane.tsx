// A referral in full: what its card shows, every line of its history, and the actions the person may take now.
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isMessageKey, type MessageKey } from '../../i18n/catalogue';
import type { Api } from '../api/client';
import type { Contact, Detail, Verb } from '../api/types';
import type { Host } from '../host/teams-host';
import type { Strings } from '../strings';
import { ActionForm } from './action-form';
import { ThreadLink } from './thread-link';
import { browserTimeZone } from '../browser-zone';
import { showDateTime, showDay, showMoney, showSize } from './show';

interface DetailPaneProps {
  api: Api;
  strings: Strings;
  id: string;
  host?: Host;
  onClose(): void;
  /** An action went through: the list and its counts are out of date. */
  onChanged(): void;
}

export function DetailPane({ api, strings, id, host, onClose, onChanged }: DetailPaneProps) {
  const { s } = strings;
  const [referral, setReferral] = useState<Detail>();
  const [error, setError] = useState('');
  const [verb, setVerb] = useState<Verb>();
  const [done, setDone] = useState(false);

  useEffect(() => {
    api
      .referral(id, strings.locale, browserTimeZone())
      .then(setReferral, (e: Error) => setError(s('app.failed', { message: e.message })));
  }, [api, id, s, strings.locale]);

  return (
    <aside
      aria-label={s('detail.label', { customer: referral?.customer ?? id })}
      style={{ flex: '0 0 380px', maxWidth: '45%', borderLeft: '1px solid currentColor', paddingLeft: 16 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 style={{ fontSize: 18, margin: '8px 0' }}>{referral?.customer ?? ''}</h2>
        <Button appearance="subtle" onClick={onClose}>
          {s('detail.close')}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!referral && !error && <Spinner label={s('app.loading')} />}
      {referral && (
        <>
          <Facts strings={strings} referral={referral} />
          {referral.threadUrl && <ThreadLink strings={strings} url={referral.threadUrl} host={host} />}
          <section
            aria-label={s('detail.actions')}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}
          >
            {referral.actions.map((action) => (
              <Button
                key={action}
                appearance={action === verb ? 'primary' : 'secondary'}
                aria-pressed={action === verb}
                onClick={() => {
                  setDone(false);
                  setVerb(action);
                }}
              >
                {s(`action.${action}`)}
              </Button>
            ))}
          </section>
          {done && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{s('action.done')}</MessageBarBody>
            </MessageBar>
          )}
          {verb && (
            <ActionForm
              key={verb}
              api={api}
              strings={strings}
              verb={verb}
              referral={referral}
              onCancel={() => setVerb(undefined)}
              onStale={(current) => {
                setReferral(current);
                onChanged();
              }}
              onDone={(changed) => {
                setReferral(changed);
                setVerb(undefined);
                setDone(true);
                onChanged();
              }}
            />
          )}
          <History strings={strings} referral={referral} />
        </>
      )}
    </aside>
  );
}

function Facts({ strings, referral }: { strings: Strings; referral: Detail }) {
  const { s, t } = strings;
  const state = isMessageKey(`substatus.${referral.substatus}`)
    ? t(`substatus.${referral.substatus}` as MessageKey)
    : s(`state.${referral.state}`);
  const { engagement, closure, requirements } = referral;
  const facts: [string, string][] = [
    [s('detail.title'), referral.name],
    [s('detail.id'), referral.shortId],
    [s('detail.state'), state],
    [s('detail.flame'), referral.flame === 'hot' ? `🔥 ${s('list.hot')}` : ''],
    [s('detail.size'), showSize(strings, referral.size)],
    [s('detail.location'), [referral.city, referral.region, referral.country].filter(Boolean).join(', ')],
    [s('detail.solutions'), requirements.solutions.join(', ')],
    [s('detail.products'), requirements.products.join(', ')],
    [s('detail.services'), requirements.services.join(', ')],
    [s('detail.industries'), requirements.industries.join(', ')],
    [s('detail.received'), showDateTime(strings, referral.receivedAt)],
    [s('detail.respondBy'), referral.state === 'inbox' ? showDateTime(strings, referral.respondBy) : ''],
    [s('detail.expires'), referral.state === 'inbox' ? showDateTime(strings, referral.expiresAt) : ''],
    [s('detail.owner'), referral.owner?.name ?? referral.owner?.id ?? ''],
    [s('detail.value'), showMoney(strings, referral.value)],
    [s('detail.purchaseBy'), showDay(strings, referral.purchaseBy)],
    [s('detail.coSell'), referral.coSell ? s('detail.yes') : ''],
    [s('detail.channel'), referral.place?.channelName ?? ''],
    [s('detail.notes'), referral.notes ?? ''],
    [s('detail.contacts'), referral.contacts.map(contactLine).join('\n')],
    [s('detail.team'), referral.team.map(contactLine).join('\n')],
    [
      s('detail.engagement'),
      engagement ? [engagement.name, engagement.crmId].filter(Boolean).join(' · ') : '',
    ],
    [
      s('detail.purchase'),
      engagement?.purchaseTimeframe && isMessageKey(`timeframe.${engagement.purchaseTimeframe}`)
        ? t(`timeframe.${engagement.purchaseTimeframe}` as MessageKey)
        : '',
    ],
    [s('detail.engagementNotes'), engagement?.notes ?? ''],
    [
      s('detail.reason'),
      closure?.reason && isMessageKey(`reason.${closure.reason}`)
        ? t(`reason.${closure.reason}` as MessageKey)
        : '',
    ],
    [s('detail.closingNotes'), closure?.notes ?? ''],
  ];
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px', margin: '8px 0' }}>
      {facts
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Every change, oldest first, each in the card's own words. */
function History({ strings, referral }: { strings: Strings; referral: Detail }) {
  const { s } = strings;
  return (
    <section aria-label={s('detail.history')}>
      <h3 style={{ fontSize: 16, margin: '16px 0 4px' }}>{s('detail.history')}</h3>
      {referral.history.length === 0 ? (
        <Text>{s('detail.noHistory')}</Text>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {referral.history.map((line, index) => (
            <li key={index} style={{ whiteSpace: 'pre-wrap' }}>
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const contactLine = (contact: Contact) =>
  [[contact.firstName, contact.lastName].filter(Boolean).join(' '), contact.email, contact.phoneNumber]
    .filter(Boolean)
    .join(' · ');
