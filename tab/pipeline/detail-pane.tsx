// A referral in full: what its card shows, every line of its history, and the actions the person may take now.
import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Api } from '../api/client';
import type { Detail, Me, Verb } from '../api/types';
import type { Host } from '../host/teams-host';
import type { Strings } from '../strings';
import { ActionForm } from './action-form';
import type { Assignee } from './action-fields';
import { ThreadLink } from './referral-table';
import { showDate, showDateTime, showMoney, showSize } from './show';

interface DetailPaneProps {
  api: Api;
  strings: Strings;
  id: string;
  me?: Me;
  host?: Host;
  onClose(): void;
  /** An action went through: the list and its counts are out of date. */
  onChanged(): void;
}

export function DetailPane({ api, strings, id, me, host, onClose, onChanged }: DetailPaneProps) {
  const { s } = strings;
  const [referral, setReferral] = useState<Detail>();
  const [error, setError] = useState('');
  const [verb, setVerb] = useState<Verb>();
  const [done, setDone] = useState(false);

  useEffect(() => {
    api.referral(id).then(setReferral, (e: Error) => setError(s('app.failed', { message: e.message })));
  }, [api, id, s]);

  const assignees: Assignee[] = me
    ? [{ id: me.person.aadObjectId, name: s('action.me', { name: me.person.name ?? me.person.aadObjectId }) }]
    : [];
  if (referral?.owner && referral.owner.id !== me?.person.aadObjectId) {
    assignees.push({ id: referral.owner.id, name: referral.owner.name ?? referral.owner.id });
  }

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
          <Facts strings={strings} referral={referral} host={host} />
          <section aria-label={s('detail.actions')} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
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
              key={`${verb}-${referral.version}`}
              api={api}
              strings={strings}
              verb={verb}
              referral={referral}
              assignees={assignees}
              onCancel={() => setVerb(undefined)}
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

function Facts({ strings, referral, host }: { strings: Strings; referral: Detail; host?: Host }) {
  const { s, t } = strings;
  const state = referral.substatus
    ? t(`substatus.${referral.substatus}` as Parameters<typeof t>[0])
    : s(`state.${referral.state}`);
  const engagement = referral.engagement;
  const facts: [string, ReactNode][] = [
    [s('detail.id'), referral.shortId],
    [s('detail.state'), state],
    [s('detail.flame'), referral.flame === 'hot' ? `🔥 ${s('list.hot')}` : ''],
    [s('detail.size'), showSize(strings, referral.size)],
    [s('detail.location'), [referral.country, referral.region].filter(Boolean).join(' · ')],
    [s('detail.solutions'), referral.solutions.join(', ')],
    [s('detail.received'), showDateTime(strings, referral.receivedAt)],
    [s('detail.respondBy'), showDateTime(strings, referral.respondBy)],
    [s('detail.expires'), showDateTime(strings, referral.expiresAt)],
    [s('detail.owner'), referral.owner?.name ?? referral.owner?.id ?? ''],
    [s('detail.value'), showMoney(strings, referral.value)],
    [s('detail.purchaseBy'), showDate(strings, referral.purchaseBy)],
    [s('detail.coSell'), referral.coSell ? s('detail.yes') : ''],
    [s('detail.channel'), referral.place?.channelName ?? ''],
    [
      s('detail.engagement'),
      engagement ? [engagement.name, engagement.crmId].filter(Boolean).join(' · ') : '',
    ],
    [s('detail.notes'), referral.notes ?? ''],
    [s('detail.requirements'), textOf(referral.requirements)],
    [s('detail.contacts'), referral.contacts.map(contactLine).join('\n')],
  ];
  return (
    <>
      <dl
        style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px', margin: '8px 0' }}
      >
        {facts
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{label}</dt>
              <dd style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</dd>
            </div>
          ))}
      </dl>
      {referral.threadUrl && <ThreadLink strings={strings} url={referral.threadUrl} host={host} />}
    </>
  );
}

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
              {[showDateTime(strings, line.at), line.by, line.text].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const contactLine = (contact: Detail['contacts'][number]) =>
  [
    contact.name ?? [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    contact.email,
    contact.phoneNumber,
  ]
    .filter(Boolean)
    .join(' · ');

/** Requirements as the server sends them (a list, an object of lists, text), written out as plain text. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => (textOf(inner) ? `${key}: ${textOf(inner)}` : ''))
      .filter(Boolean)
      .join('\n');
  }
  return '';
}
