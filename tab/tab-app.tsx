// The tab's shell: connects to Teams (or, standalone in local mode, signs in as a Playground person), picks the
// language and theme, and hands the pipeline an API that carries the person's token.
import { Button, FluentProvider, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { keepFirstList, keepPageSession } from './api/carried-page';
import { createApi } from './api/client';
import { connectToHost, isFramed, type Host, type ThemeName } from './host/teams-host';
import { DevSignIn } from './dev-sign-in';
import { firstView } from './first-reads';
import { forgetSession, savedSession, type DevSession } from './local-sign-in';
import { Pipeline } from './pipeline/pipeline';
import { pickLocale, stringsFor } from './strings';
import { standaloneTheme } from './standalone-theme';
import { fluentTheme, ThemeNameContext } from './theme';

type Connection =
  { kind: 'connecting' } | { kind: 'hosted'; host: Host } | { kind: 'standalone'; session?: DevSession };

export function TabApp() {
  // Standalone is known at once (no frame around the page): the pipeline draws in the very first render.
  const [connection, setConnection] = useState<Connection>(() =>
    isFramed() ? { kind: 'connecting' } : { kind: 'standalone', session: savedSession() },
  );
  const [theme, setTheme] = useState<ThemeName>(() => standaloneTheme(location.search));

  useEffect(() => {
    if (!isFramed()) return;
    void connectToHost().then((host) => {
      if (!host) return setConnection({ kind: 'standalone', session: savedSession() });
      setTheme(host.context.theme);
      host.onThemeChange(setTheme);
      setConnection({ kind: 'hosted', host });
    });
  }, []);

  const host = connection.kind === 'hosted' ? connection.host : undefined;
  const strings = useMemo(
    () => stringsFor(pickLocale(host?.context.locale, location.search, navigator.language)),
    [host],
  );
  useEffect(() => {
    document.documentElement.lang = strings.locale;
    document.title = `${strings.s('app.title')} · Referral Desk`;
  }, [strings]);

  const session = connection.kind === 'standalone' ? connection.session : undefined;
  const api = useMemo(() => {
    if (host) return createApi(() => host.getToken());
    if (session) return createApi(async () => session.token);
    return undefined;
  }, [host, session]);

  // The next visit's page then comes with its first rows (api/carried-page.ts).
  // In Teams, only for a tab whose address names the person (the manifest's `viewer={userObjectId}`): the
  // service sends rows into a frame for that person alone.
  useEffect(() => {
    const named = new URLSearchParams(location.search).get('viewer');
    const token = session
      ? Promise.resolve(session.token)
      : host && named && named === host.context.userId
        ? host.getToken()
        : undefined;
    if (!token) return;
    keepFirstList(firstView().listPath);
    void token.then(keepPageSession, () => undefined);
  }, [session, host]);

  const signOut = () => {
    forgetSession();
    void keepPageSession(undefined);
    setConnection({ kind: 'standalone' });
  };

  return (
    <ThemeNameContext.Provider value={theme}>
      <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: '100vh' }}>
        {connection.kind === 'connecting' && <Spinner label={strings.s('app.loading')} />}
        {connection.kind === 'standalone' && !session && (
          <DevSignIn
            strings={strings}
            onSignedIn={(signedIn) => setConnection({ kind: 'standalone', session: signedIn })}
          />
        )}
        {api && (
          <>
            {session && (
              <Text as="p" size={200} style={{ margin: '8px 16px' }}>
                {strings.s('signIn.signedInAs', { name: session.person.name })}{' '}
                <Button size="small" appearance="subtle" onClick={signOut}>
                  {strings.s('signIn.switch')}
                </Button>
              </Text>
            )}
            <Pipeline
              api={api}
              strings={strings}
              host={host}
              search={location.search}
              onUnauthorized={host ? undefined : signOut}
            />
          </>
        )}
      </FluentProvider>
    </ThemeNameContext.Provider>
  );
}
