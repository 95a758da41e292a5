import type { RunningService } from '../../app/start-service';
import type { Actor } from '../../core/referral';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { cardText, cardVerbs, DANA, LEE, teamsClient } from '../support/teams-client';

const NOW = new Date('2026-11-25T01:00:00Z');
const dana: Actor = { kind: 'user', id: DANA.aadObjectId, name: DANA.name };
const lee: Actor = { kind: 'user', id: LEE.aadObjectId, name: LEE.name };
const accept = (name: string) => ({
  type: 'accept' as const,
  input: { engagementName: name, value: '80000', currency: 'USD', purchaseTimeframe: '3-6-months' },
});

describe('commands, against a store holding referrals in every state', () => {
  let store: TestStore;
  let peer: ConnectorPeer;
  let service: RunningService;
  let teams: ReturnType<typeof teamsClient>;
  const ids: Record<string, string> = {};
  let now = NOW;

  const receive = async (key: string, customer: string, hoursAgo: number) => {
    // The 24 h clock runs from when the desk received it: receive it that long ago.
    now = new Date(NOW.getTime() - hoursAgo * 3600_000);
    const { id } = await postReferral(
      service,
      sampleReferralJson(`cmd-${key}`, {
        createdDateTime: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString(),
        customerProfile: { ...(sampleReferralJson('x')['customerProfile'] as object), name: customer },
      }),
    );
    ids[key] = id;
    now = NOW;
  };
  /** The card the bot answered the last message with. */
  const lastReply = () => peer.cards().at(-1);
  const ask = async (text: string, where: 'channel' | 'personal' = 'channel', from = DANA) => {
    const before = peer.cards().length;
    const reply =
      where === 'channel' ? await teams.sayInChannel(from, text) : await teams.sayInPersonalChat(from, text);
    expect(reply.status).toBe(200);
    await peer.waitFor(() => peer.cards().length > before || peer.texts().length > 0);
    return lastReply();
  };

  beforeAll(async () => {
    store = await startTestStore();
    peer = await startConnectorPeer();
    service = await startTestService(store.uri, { local: true, clock: () => now });
    teams = teamsClient(service.url, peer.url);
    await teams.installInTeam();
    await receive('fresh', 'Fresh Foods', 1);
    await receive('older', 'Older Optics', 20);
    await receive('accepted', 'Accepted Analytics', 30);
    await receive('won', 'Winning Widgets', 200);
    await receive('declined', 'Declined Dynamics', 10);
    await service.referrals.apply(ids['accepted']!, accept('Analytics rollout'), dana);
    await service.referrals.apply(ids['won']!, accept('Widgets deal'), lee);
    await service.referrals.apply(ids['won']!, { type: 'won', input: { notes: 'Signed' } }, lee);
    await service.referrals.apply(
      ids['declined']!,
      { type: 'decline', input: { reason: 'not-a-customer', notes: '' } },
      dana,
    );
    await service.idle();
  });
  afterAll(async () => {
    await service?.stop();
    await peer?.close();
    await store?.stop();
  });

  it('inbox lists only New referrals, the one closest to its 24 h mark first', async () => {
    const text = cardText(await ask('inbox'));
    expect(text).toContain('Older Optics');
    expect(text).toContain('Fresh Foods');
    expect(text.indexOf('Older Optics')).toBeLessThan(text.indexOf('Fresh Foods'));
    expect(text).not.toContain('Accepted Analytics');
    expect(text).not.toContain('Declined Dynamics');
  });

  it('active lists engagements; each item opens its referral', async () => {
    const card = await ask('active');
    expect(cardText(card)).toContain('Analytics rollout');
    expect(cardText(card)).not.toContain('Fresh Foods');
    expect(JSON.stringify(card)).toContain(ids['accepted']!);
    expect(cardVerbs(card)).toContain('show');
  });

  it('archived won lists only won referrals; archived alone lists every closed one', async () => {
    const won = cardText(await ask('archived won'));
    expect(won).toContain('Winning Widgets');
    expect(won).not.toContain('Declined Dynamics');
    const all = cardText(await ask('archived'));
    expect(all).toContain('Winning Widgets');
    expect(all).toContain('Declined Dynamics');
  });

  it('mine lists what I responded to, in personal chat too', async () => {
    const mine = cardText(await ask('mine', 'personal', LEE));
    expect(mine).toContain('Winning Widgets');
    expect(mine).not.toContain('Analytics rollout');
  });

  it('show <id prefix> opens the full card', async () => {
    const card = await ask(`show ${ids['fresh']!.slice(0, 6)}`);
    expect(cardText(card)).toContain('Fresh Foods');
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(['accept', 'decline']));
  });

  it('stats and settings answer with cards; settings saves the channel claims and its owner', async () => {
    expect(cardVerbs(await ask('settings'))).toContain('settings-save');
    expect(cardText(await ask('stats'))).not.toBe('');
  });

  it('answers an unknown command with help that quotes it', async () => {
    const help = cardText(await ask('frobnicate the pipeline'));
    expect(help).toContain('frobnicate the pipeline');
    expect(help).toContain('inbox');
  });
});
