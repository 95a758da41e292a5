// The channel tab's configuration page: Teams shows it when the tab is added, and saves what it sets.
import { FluentProvider, Radio, RadioGroup, Field, Spinner, Text, Title2 } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { connectToHost, type HostContext } from './host/teams-host';
import { pickLocale, stringsFor } from './strings';
import { fluentTheme } from './theme';

type Scope = 'team' | 'channel';

/** The channel tab's address in a browser, for the chosen scope (a whole team, or one channel of it). */
export function websiteUrlOf(origin: string, context: HostContext, scope: Scope): string {
  const params = new URLSearchParams({ team: context.teamId ?? '' });
  if (scope === 'channel') params.set('channel', context.channelId ?? '');
  return `${origin}/tab?${params}`;
}

/**
 * Its address in Teams, with the placeholders Teams fills in (as written: encoded, they would not be): the person,
 * so that the page may come with their first rows (docs/tab-api.md, "The page's session"), the language and the
 * theme, so that those rows are drawn as the app will draw them.
 */
export const contentUrlOf = (origin: string, context: HostContext, scope: Scope): string =>
  `${websiteUrlOf(origin, context, scope)}&viewer={userObjectId}&lang={locale}&theme={theme}`;

export function ConfigPage() {
  const [context, setContext] = useState<HostContext>();
  const [scope, setScope] = useState<Scope>('team');
  const [isStandalone, setStandalone] = useState(false);

  useEffect(() => {
    void connectToHost().then((host) => {
      if (!host) return setStandalone(true);
      setContext(host.context);
      host.notifySuccess();
    });
  }, []);

  // Teams calls the save handler with the last registration, so it is registered again for each choice.
  useEffect(() => {
    if (!context?.teamId) return;
    pages.config.registerOnSaveHandler((saveEvent) => {
      pages.config
        .setConfig({
          contentUrl: contentUrlOf(location.origin, context, scope),
          websiteUrl: websiteUrlOf(location.origin, context, scope),
          // The cards' deep links name this entity (cards/pipeline-link.ts).
          entityId: 'pipeline',
          suggestedDisplayName: 'Pipeline',
        })
        .then(
          () => saveEvent.notifySuccess(),
          (error: Error) => saveEvent.notifyFailure(error.message),
        );
    });
    pages.config.setValidityState(true);
  }, [context, scope]);

  const strings = stringsFor(pickLocale(context?.locale, location.search, navigator.language));
  const { s } = strings;
  return (
    <FluentProvider
      theme={fluentTheme(context?.theme ?? 'default')}
      style={{ minHeight: '100vh', padding: 24 }}
    >
      <Title2 as="h1">{s('config.title')}</Title2>
      {!context && !isStandalone && <Spinner label={s('app.loading')} />}
      {(isStandalone || (context && !context.teamId)) && <Text as="p">{s('config.needsTeam')}</Text>}
      {context?.teamId && (
        <Field label={s('config.scope')}>
          <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as Scope)}>
            <Radio value="team" label={s('config.team')} />
            <Radio value="channel" label={s('config.channel')} />
          </RadioGroup>
        </Field>
      )}
    </FluentProvider>
  );
}
