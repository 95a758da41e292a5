// Local mode only: the tab in a plain browser signs in as one of the Playground's people with a dev token the
// service signs (docs/tab-api.md, "Auth"). The choice lasts the browser tab's session.
export interface DevPerson {
  aadObjectId: string;
  name: string;
}

const KEY = 'referral-desk.dev-person';

export interface DevSession {
  person: DevPerson;
  token: string;
}

export async function devPeople(): Promise<DevPerson[]> {
  const response = await fetch('/api/tab/dev/people');
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return ((await response.json()) as { people: DevPerson[] }).people;
}

export async function signInAs(person: DevPerson): Promise<DevSession> {
  const response = await fetch('/api/tab/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ aadObjectId: person.aadObjectId }),
  });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const session = { person, token: ((await response.json()) as { token: string }).token };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function savedSession(): DevSession | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as DevSession | null;
    return saved?.token && saved.person?.aadObjectId ? saved : undefined;
  } catch {
    return undefined;
  }
}

export const forgetSession = () => sessionStorage.removeItem(KEY);
