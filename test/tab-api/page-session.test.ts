// The page's session (docs/tab-api.md, "The page's session"): the token kept as a cookie only the tab's page
// request carries, so the page comes with its first rows; the same person, the same visibility, outside text inert.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningService } from '../../app/start-service';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { installTwoTeams, MINA } from '../support/two-teams';
import { startTabDesk, type TabDesk } from '../support/tab-client';
import { DANA, type Person } from '../support/teams-client';

const HOSTILE = '</script><script>alert(1)</script><b>Evil & Co</b>';
const LIST_PATH = '/referrals?state=inbox&page=1&pageSize=10&lang=en&tz=Asia%2FSeoul';
const PAGE =
  '<!doctype html><html><head><title>Pipeline</title></head><body><main id="root"></main></body></html>';

interface Visit {
  session?: string;
  listPath?: string;
  dest?: string;
  path?: string;
}

describe('the page’s session', () => {
  let store: TestStore;
  let root: string;
  let desk: TabDesk;
  let production: RunningService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    store = await startTestStore();
    root = await mkdtemp(join(tmpdir(), 'rd-page-session-'));
    const dist = join(root, 'tab');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), PAGE);
    desk = await startTabDesk(store, { env: { TAB_DIST_DIR: dist } });
    production = await startTestService(store.uri, { env: { TAB_DIST_DIR: dist } });
    await installTwoTeams(desk, 'US');
    for (const [key, name, country] of [
      ['hostile', HOSTILE, 'US'],
      ['redmond', 'Redmond Robotics', 'US'],
      ['berlin', 'Berlin Bakery Secret', 'DE'],
    ] as const) {
      const base = sampleReferralJson(key);
      const profile = base['customerProfile'] as Record<string, unknown>;
      const reply = await postReferral(desk.service, {
        ...base,
        customerProfile: { ...profile, name, address: { ...(profile['address'] as object), country } },
      });
      expect(reply.status).toBe(201);
      ids[key] = reply.id;
    }
    await desk.service.idle();
  });
  afterAll(async () => {
    await Promise.all([desk?.stop(), production?.stop()]);
    await store?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const keep = (token: string | undefined, base = desk.service.url) =>
    fetch(`${base}/api/tab/page-session`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const sessionOf = async (person: Person) => {
    const cookie = (await keep(await desk.tokenFor(person))).headers.get('set-cookie')!;
    return /^rd-tab-session=([^;]+)/.exec(cookie)![1]!;
  };
  const visit = async (
    { session, listPath = LIST_PATH, dest = 'document', path = '/tab' }: Visit,
    base = desk.service.url,
  ) => {
    const cookies = [
      ...(listPath ? [`rd-tab-first-list=${encodeURIComponent(listPath)}`] : []),
      ...(session ? [`rd-tab-session=${session}`] : []),
    ];
    const res = await fetch(`${base}${path}`, {
      headers: { cookie: cookies.join('; '), 'sec-fetch-dest': dest },
    });
    return { res, html: await res.text() };
  };
  const carried = (html: string) => {
    const match = /<script type="application\/json" id="referral-desk-first-page">([^<]*)<\/script>/.exec(
      html,
    );
    return match
      ? (JSON.parse(match[1]!) as { items: { id: string; customer: string }[] } | null)
      : undefined;
  };

  it('keeps the tab’s token as a cookie only the tab’s pages get, for as long as the token holds', async () => {
    const refused = await keep(undefined);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const kept = await keep(await desk.tokenFor(DANA));
    expect(kept.status).toBe(200);
    expect(kept.headers.get('cache-control')).toBe('no-store');
    const cookie = kept.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^rd-tab-session=[\w.-]+; Max-Age=\d+; Path=\/tab; HttpOnly; Secure; SameSite=None; Partitioned$/,
    );
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)![1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
    const forgotten = await fetch(`${desk.service.url}/api/tab/page-session`, { method: 'DELETE' });
    expect(forgotten.status).toBe(204);
    expect(forgotten.headers.get('set-cookie')).toMatch(/^rd-tab-session=; Max-Age=0; Path=\/tab; HttpOnly/);
  });

  it('sends the page with the list call’s very answer, for that person, never kept by a cache', async () => {
    const { res, html } = await visit({ session: await sessionOf(DANA) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(html).toContain(
      `<meta name="referral-desk-first-list" content="${LIST_PATH.replace(/&/g, '&amp;')}" data-viewer="${DANA.aadObjectId}" />`,
    );
    const answer = (await desk.tab.get(`/api/tab${LIST_PATH}`, await desk.tokenFor(DANA))).body;
    expect(carried(html)).toEqual(answer);
    expect(
      carried(html)!
        .items.map((item) => item.id)
        .sort(),
    ).toEqual([ids['hostile'], ids['redmond']].sort());
    // Team B's referral is not in it, not even by a word.
    for (const word of ['Berlin', 'Bakery', ids['berlin']!]) expect(html).not.toContain(word);
    expect(
      carried((await visit({ session: await sessionOf(MINA) })).html)!.items.map((item) => item.id),
    ).toEqual([ids['berlin']]);
  });

  it('keeps outside text inert: a customer’s name cannot end the element or open markup', async () => {
    const { html } = await visit({ session: await sessionOf(DANA) });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>Evil');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(carried(html)!.items.find((item) => item.id === ids['hostile'])!.customer).toBe(HOSTILE);
  });

  it('sends the plain page, as cached, when the cookies do not hold', async () => {
    const dana = await sessionOf(DANA);
    const expired = await desk.tokenFor(DANA, { exp: 1_000_000_000 });
    const dev = (await desk.tab.post('/api/tab/dev/token', undefined, { aadObjectId: DANA.aadObjectId })).body
      .token;
    for (const [why, visited] of [
      ['no session', await visit({})],
      ['no list call named', await visit({ session: dana, listPath: '' })],
      ['a list path that is not the list', await visit({ session: dana, listPath: '/me' })],
      ['an expired token', await visit({ session: expired })],
      ['not a token', await visit({ session: 'nonsense' })],
      ['a dev token in production', await visit({ session: dev }, production.url)],
      ['a frame that does not name the person', await visit({ session: dana, dest: 'iframe' })],
      [
        'a frame for someone else',
        await visit({ session: dana, dest: 'iframe', path: `/tab?viewer=${MINA.aadObjectId}` }),
      ],
    ] as const) {
      expect([why, visited.res.status]).toEqual([why, 200]);
      expect([why, visited.html]).toEqual([why, PAGE]);
      expect([why, visited.res.headers.get('etag')]).toEqual([why, expect.any(String)]);
    }
    // A frame whose address names the person it is for gets the page's rows.
    const framed = await visit({ session: dana, dest: 'iframe', path: `/tab?viewer=${DANA.aadObjectId}` });
    expect(carried(framed.html)!.items).toHaveLength(2);
  });

  it('in production, sends rows only into a page whose address names the person, as Teams’ tab address does', async () => {
    const entraProduction = await startTestService(store.uri, {
      env: { TAB_DIST_DIR: join(root, 'tab'), ENTRA_AUTHORITY_HOST: desk.entra.url },
    });
    try {
      const session = /^rd-tab-session=([^;]+)/.exec(
        (await keep(await desk.tokenFor(DANA), entraProduction.url)).headers.get('set-cookie')!,
      )![1]!;
      // Opened on its own, as a plain browser would: the production tab is Teams' only.
      expect((await visit({ session }, entraProduction.url)).html).toBe(PAGE);
      const framed = await visit(
        { session, dest: 'iframe', path: `/tab?viewer=${DANA.aadObjectId}` },
        entraProduction.url,
      );
      // Nobody installed the bot in that service's fresh database: Dana is in no team there, and sees nothing.
      expect(carried(framed.html)).toMatchObject({ items: [], total: 0 });
    } finally {
      await entraProduction.stop();
    }
  });

  it('says the rows could not be read when the list call is not right, so the page asks for them itself', async () => {
    const { html } = await visit({ session: await sessionOf(DANA), listPath: '/referrals?colour=blue' });
    expect(html).toContain('<meta name="referral-desk-first-list"');
    expect(carried(html)).toBeNull();
  });
});
