import { randomBytes } from 'node:crypto';
import { msalTokenProvider } from '../../partner-center/token-provider';
import { integrationAlerts } from '../../outbound/integration-alerts';
import { createIntegrationHealth, type IntegrationHealth } from '../../services/integration-health';
import { partnerCenterHealth } from '../../storage/partner-center-health';
import { partnerCenterSignIn } from '../../storage/partner-center-sign-in';
import { t } from '../../i18n/catalogue';
import { pollOnce } from '../../partner-center/poller';
import { partnerCenterApi } from '../../partner-center/api-client';
import { partnerCenterLinks } from '../../storage/partner-center-links';
import { startDesk, type Desk } from '../support/desk';
import { authorityMetadata, cloudDiscoveryMetadata, TENANT, toPeer } from '../support/msal-to-peer';
import { startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { memoryLogger } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { cardText, GENERAL } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import { pendingReferral } from './harness';

/**
 * Two instances of the integration's health on one store, as two workers would run it, each signing in through
 * MSAL against the peer's token endpoint and alerting through the desk's real post-once to Teams.
 */
describe('the Partner Center integration’s health', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let desk: Desk;
  const clock = { now: new Date('2026-11-20T09:00:00Z') };

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
  });
  beforeEach(async () => {
    desk = await startDesk(store, { clock: () => clock.now });
    await desk.teams.installInTeam();
  });
  afterEach(async () => {
    await desk?.stop();
  });
  afterAll(async () => {
    await peer?.close();
    await store?.stop();
  });

  function worker(): { health: IntegrationHealth; getToken: () => Promise<string> } {
    const { db } = desk.service.store;
    const signIn = partnerCenterSignIn(db, key);
    const health = createIntegrationHealth({
      store: partnerCenterHealth(db),
      lastSignedInAt: () => signIn.lastSignedInAt(),
      backlog: async () => 0,
      notify: integrationAlerts({
        ...desk.service.stores,
        people: desk.service.people,
        postCardOnce: desk.service.outbound.postCardOnce,
        display: { locale: 'en', timeZone: 'UTC' },
        clock: () => clock.now,
        log: memoryLogger().log,
      }),
      log: memoryLogger().log,
    });
    const getToken = msalTokenProvider(
      {
        clientId: 'app',
        tenantId: TENANT,
        refreshToken: 'configured',
        authorityHost: 'https://login.microsoftonline.com',
      },
      {
        clock: () => clock.now,
        networkClient: toPeer(peer),
        authorityMetadata,
        cloudDiscoveryMetadata,
        kept: signIn,
        onSignIn: health.signIn,
      },
    );
    return { health, getToken };
  }
  const key = randomBytes(32);
  const alertsIn = (title: string) =>
    desk.peer.messages.filter((m) => m.conversationId === GENERAL.id && cardText(m.activity).includes(title));

  it('sends one alert for a failing sign-in however many workers see it, and one note when it works again', async () => {
    const [a, b] = [worker(), worker()];
    peer.refuseSignIns(4);
    for (const w of [a, b, a, b]) await expect(w.getToken()).rejects.toThrow(/AADSTS700082/);
    const opened = t('en', 'incident.sign-in.opened.title');
    await desk.peer.waitFor(() => alertsIn(opened).length > 0);
    expect(alertsIn(opened)).toHaveLength(1);
    expect(cardText(alertsIn(opened)[0]!.activity)).toContain('AADSTS700082');
    const attachments = alertsIn(opened)[0]!.activity['attachments'] as {
      content: Record<string, unknown>;
    }[];
    expect(cardProblems(attachments[0]!.content)).toEqual([]);
    const status = await a.health.status();
    expect(status.openIncidents.map((i) => i.id)).toEqual(['sign-in:1']);

    clock.now = new Date(clock.now.getTime() + 60_000);
    await a.getToken();
    await b.getToken();
    const recovered = t('en', 'incident.sign-in.recovered.title');
    await desk.peer.waitFor(() => alertsIn(recovered).length > 0);
    expect(alertsIn(recovered)).toHaveLength(1);
    expect(alertsIn(opened)).toHaveLength(1);
    expect((await b.health.status()).openIncidents).toEqual([]);

    // Failing again once the token needs renewing (MSAL dates it by the real clock) is a new incident.
    peer.refuseSignIns(1);
    clock.now = new Date(new Date().getTime() + 2 * 3600_000);
    await expect(a.getToken()).rejects.toThrow();
    await desk.peer.waitFor(() => alertsIn(opened).length > 1);
    expect(alertsIn(opened)).toHaveLength(2);
  });

  it('alerts once when only the poller brings referrals a webhook should have, and notes the next webhook', async () => {
    const { health } = worker();
    const deps = {
      service: desk.service.referrals,
      links: partnerCenterLinks(desk.service.store.db),
      clock: () => clock.now,
      log: memoryLogger().log,
      api: partnerCenterApi({
        baseUrl: peer.apiUrl,
        getToken: async () => 'peer-access-token',
        clock: () => clock.now,
      }),
      health,
      listeningSince: new Date(clock.now.getTime() - 2 * 3600_000),
    };
    const id = `rfi-silent-${clock.now.getTime()}`;
    // Created before this instance listened: no webhook could reach it, so it says nothing about webhooks.
    peer.put(
      pendingReferral(`${id}-old`, {
        createdDateTime: new Date(clock.now.getTime() - 3 * 3600_000).toISOString(),
      }),
    );
    // Created an hour before the poll, and no webhook came for it.
    peer.put(
      pendingReferral(id, { createdDateTime: new Date(clock.now.getTime() - 3600_000).toISOString() }),
    );
    expect(await pollOnce(deps, clock.now)).toMatchObject({ onlyPolled: 1 });
    // The next poll brings another one: still the same incident, so no second alert.
    peer.put(
      pendingReferral(`${id}-2`, { createdDateTime: new Date(clock.now.getTime() - 1800_000).toISOString() }),
    );
    expect(await pollOnce(deps, new Date(clock.now.getTime() + 600_000))).toMatchObject({ onlyPolled: 1 });
    const opened = t('en', 'incident.webhooks-silent.opened.title');
    await desk.peer.waitFor(() => alertsIn(opened).length > 0);
    expect(alertsIn(opened)).toHaveLength(1);
    await health.webhookReceived(clock.now);
    const recovered = t('en', 'incident.webhooks-silent.recovered.title');
    await desk.peer.waitFor(() => alertsIn(recovered).length > 0);
    expect(alertsIn(recovered)).toHaveLength(1);
    expect((await health.status()).lastWebhookAt).toEqual(clock.now);
  });

  it('shows its state with `status` (or 상태): off without settings; on, with what it last heard and what is wrong', async () => {
    const off = await desk.command('status');
    expect(cardText(off.card)).toContain(t('en', 'status.off'));
    const on = await startDesk(store, {
      clock: () => clock.now,
      env: {
        PARTNER_CENTER_CLIENT_ID: 'app',
        PARTNER_CENTER_TENANT_ID: TENANT,
        PARTNER_CENTER_REFRESH_TOKEN: 'configured',
        PARTNER_CENTER_API_URL: peer.apiUrl,
        PARTNER_CENTER_POLL_CRON: '0 0 1 1 *',
      },
    });
    try {
      await on.teams.installInTeam();
      const health = partnerCenterHealth(on.service.store.db);
      await health.recordPoll(new Date('2026-11-20T08:50:00Z'));
      await health.open({ kind: 'sign-in', n: 1, openedAt: new Date('2026-11-20T08:55:00Z'), detail: 'x' });
      const card = (await on.command('status')).card!;
      expect(cardProblems(card)).toEqual([]);
      const en = cardText(card);
      expect(en).toContain(t('en', 'status.on'));
      expect(en).toContain('20 Nov, 08:50 UTC');
      expect(en).toContain(t('en', 'incident.sign-in.opened.title'));
      expect(en).toContain(`${t('en', 'status.lastWebhook')}\n${t('en', 'status.never')}`);
      const ko = cardText((await on.command('상태', { locale: 'ko-KR' })).card);
      expect(ko).toContain(t('ko', 'status.title'));
      expect(ko).toContain(t('ko', 'incident.sign-in.opened.title'));
    } finally {
      await on.stop();
    }
  });
});
