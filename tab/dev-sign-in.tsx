import { Button, Field, Select, Text, Title2 } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { devPeople, signInAs, type DevPerson, type DevSession } from './local-sign-in';
import type { Strings } from './strings';

/** Local mode's people picker: whom to be, from the Playground's people. */
export function DevSignIn({
  strings,
  onSignedIn,
}: {
  strings: Strings;
  onSignedIn(session: DevSession): void;
}) {
  const { s } = strings;
  const [people, setPeople] = useState<DevPerson[] | undefined>(undefined);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    devPeople().then(setPeople, (e: Error) => setError(s('app.failed', { message: e.message })));
  }, [s]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person = people?.find((p) => p.aadObjectId === chosen);
    if (!person) return setError(s('signIn.choose'));
    try {
      onSignedIn(await signInAs(person));
    } catch (e) {
      setError(s('app.failed', { message: (e as Error).message }));
    }
  };

  return (
    <form onSubmit={submit} style={{ maxWidth: 420, padding: 24, display: 'grid', gap: 16 }}>
      <Title2 as="h1">{s('signIn.title')}</Title2>
      <Text>{s('signIn.intro')}</Text>
      {people?.length === 0 && <Text role="status">{s('signIn.nobody')}</Text>}
      <Field
        label={s('signIn.person')}
        validationMessage={error || undefined}
        validationState={error ? 'error' : 'none'}
      >
        <Select value={chosen} onChange={(_, data) => setChosen(data.value)}>
          <option value="">{s('signIn.choose')}</option>
          {(people ?? []).map((person) => (
            <option key={person.aadObjectId} value={person.aadObjectId}>
              {person.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" appearance="primary">
        {s('signIn.submit')}
      </Button>
    </form>
  );
}
