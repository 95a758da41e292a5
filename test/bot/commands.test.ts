import { parseCommand } from '../../bot/commands';
import { CLOSED_WORDS } from '../../cards/closed-words';
import { parseDigestRequest } from '../../core/digest-schedule';
import { t } from '../../i18n/catalogue';
import { dana, lee, scheduler } from '../core/fixtures';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { APAC, cardFacts, cardText, cardVerbs, DANA, GENERAL, LEE } from '../support/teams-client';

const NOW = new Date('2026-11-25T01:00:00Z');
const HOUR = 3600_000;
const accept = (name: string) => ({
  type: 'accept' as const,
  input: { engagementName: name, value: '80000', currency: 'USD', purchaseTimeframe: '3-6-months' },
});
const SAMPLE_PROFILE = sampleReferralJson('x')['customerProfile'] as Record<string, unknown>;

describe('commands', () => {
  let store: TestStore;
  // Each spec has a desk of its own (a fresh database and connector peer) at NOW, and installs the bot if it needs
  // the channel.
  let desk: Desk;
  let now = NOW;

  /** Runs `step` with the desk's clock `hoursAgo` before NOW, as if it had happened then. */
  const hoursAgo = async <T>(hours: number, step: () => Promise<T>): Promise<T> => {
    now = new Date(NOW.getTime() - hours * HOUR);
    try {
      return await step();
    } finally {
      now = NOW;
    }
  };
  /** Takes in a referral from `customer`, received `hours` before NOW (the 24 h clock runs from then). */
  const receive = (key: string, customer: string, hours: number, profile: Record<string, unknown> = {}) =>
    hoursAgo(hours, async () => {
      const { status, id } = await postReferral(
        desk.service,
        sampleReferralJson(`cmd-${key}`, {
          createdDateTime: now.toISOString(),
          customerProfile: { ...SAMPLE_PROFILE, name: customer, ...profile },
        }),
      );
      expect(status).toBe(201);
      return id;
    });
  /** The card the bot answers `text` with. */
  const ask = async (text: string, options: Parameters<Desk['command']>[1] = {}) => {
    const answer = await desk.command(text, options);
    if (!answer.card) throw new Error(`"${text}" was answered with a text: ${answer.text}`);
    return answer.card;
  };

  beforeAll(async () => {
    store = await startTestStore();
  });
  beforeEach(async () => {
    now = NOW;
    desk = await startDesk(store, { clock: () => now });
  });
  afterEach(async () => {
    await desk?.stop();
  });
  afterAll(async () => {
    await store?.stop();
  });

  describe('against a store holding referrals in every state', () => {
    const ids: Record<string, string> = {};

    beforeEach(async () => {
      await desk.teams.installInTeam();
      ids['fresh'] = await receive('fresh', 'Fresh Foods', 1);
      ids['older'] = await receive('older', 'Older Optics', 20);
      ids['accepted'] = await receive('accepted', 'Accepted Analytics', 30);
      ids['won'] = await receive('won', 'Winning Widgets', 200);
      ids['declined'] = await receive('declined', 'Declined Dynamics', 10);
      await desk.service.referrals.apply(ids['accepted'], accept('Analytics rollout'), dana);
      await desk.service.referrals.apply(ids['won'], accept('Widgets deal'), lee);
      await desk.service.referrals.apply(ids['won'], { type: 'won', input: { notes: 'Signed' } }, lee);
      await desk.service.referrals.apply(
        ids['declined'],
        { type: 'decline', input: { reason: 'not-a-customer', notes: '' } },
        dana,
      );
      // Every card is posted (so every referral belongs to General) before a spec asks in the channel.
      await desk.service.idle();
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

    it('보관함 성사 (archived won in Korean) lists only won referrals, whatever language the person uses', async () => {
      const korean = cardText(await ask('보관함 성사', { locale: 'ko-KR' }));
      expect(korean).toContain(t('ko', 'list.archived.filtered', { outcome: t('ko', 'substatus.Won') }));
      expect(korean).toContain('Winning Widgets');
      expect(korean).not.toContain('Declined Dynamics');
      // People mix: Korean words from an English-speaking client, answered in English.
      const mixed = cardText(await ask('보관함 성사', { where: 'personal', locale: 'en-US' }));
      expect(mixed).toContain(t('en', 'list.archived.filtered', { outcome: t('en', 'substatus.Won') }));
      expect(mixed).toContain('Winning Widgets');
      expect(mixed).not.toContain('Declined Dynamics');
    });

    it('mine lists what I responded to, in personal chat too', async () => {
      const mine = cardText(await ask('mine', { where: 'personal', from: LEE }));
      expect(mine).toContain('Winning Widgets');
      expect(mine).not.toContain('Analytics rollout');
    });

    it('show <id prefix> opens the full card', async () => {
      const card = await ask(`show ${ids['fresh']!.slice(0, 6)}`);
      expect(cardText(card)).toContain('Fresh Foods');
      expect(cardVerbs(card)).toEqual(expect.arrayContaining(['accept', 'decline']));
    });
  });

  it('answers an unknown command with help that quotes it', async () => {
    const help = cardText(await ask('frobnicate the pipeline'));
    expect(help).toContain('frobnicate the pipeline');
    expect(help).toContain('inbox');
  });

  it('settings saves the channel claims: a matching referral goes to that channel, and the card shows them', async () => {
    // General came with the install, so it takes what no channel claims; APAC is known once someone mentions the bot there.
    await desk.teams.installInTeam();
    const form = await ask('settings', { channel: APAC });
    expect(cardVerbs(form)).toEqual(['settings-save']);
    const saved = await desk.teams.click(
      DANA,
      'settings-save',
      { regions: 'APAC', countries: 'KR', keywords: '', sizes: '', isDefault: 'false' },
      { channel: APAC },
    );
    expect(cardText(saved.body.value)).toContain(t('en', 'settings.saved'));

    const korean = await receive('korean', 'Seoul Semiconductors', 1);
    const american = await receive('american', 'Redmond Robotics', 1, {
      address: { city: 'Redmond', state: 'WA', country: 'US', region: 'North America' },
    });
    await desk.service.idle();
    expect(desk.peer.threadsWith(korean).map((thread) => thread.channelId)).toEqual([APAC.id]);
    expect(desk.peer.threadsWith(american).map((thread) => thread.channelId)).toEqual([GENERAL.id]);

    // Opened again, the settings card reads the claims and the owner back from the store.
    const reopened = cardFacts(await ask('settings', { channel: APAC, from: LEE }));
    expect(reopened).toMatchObject({
      [t('en', 'settings.regions')]: 'APAC',
      [t('en', 'settings.countries')]: 'KR',
      [t('en', 'settings.keywords')]: t('en', 'settings.none'),
      [t('en', 'settings.isDefault')]: t('en', 'settings.no'),
    });
    expect(cardFacts(await ask('settings'))).toMatchObject({
      [t('en', 'settings.countries')]: t('en', 'settings.none'),
    });
  });

  it('inbox co-sell (or 받은편지함 공동판매) lists only co-sell referrals, and its pages keep the filter', async () => {
    await desk.teams.installInTeam();
    await receive('plain', 'Plain Lead Co', 2);
    const coSell = {
      type: 'Shared',
      qualification: 'SalesQualified',
      inviteContext: { notes: 'Please help.', invitedBy: { organizationId: 'own-org' } },
    };
    for (const n of [1, 2])
      expect(
        (
          await postReferral(
            desk.service,
            sampleReferralJson(`cmd-co-sell-${n}`, {
              ...coSell,
              customerProfile: { ...SAMPLE_PROFILE, name: `Co-sell Customer ${n}` },
            }),
          )
        ).status,
      ).toBe(201);
    await desk.service.idle();
    const everything = cardText(await ask('inbox'));
    expect(everything).toContain('Plain Lead Co');
    for (const words of ['inbox co-sell', '받은편지함 공동판매']) {
      const card = await ask(words);
      const text = cardText(card);
      expect(text).toContain('Co-sell Customer 1');
      expect(text).toContain('Co-sell Customer 2');
      expect(text).not.toContain('Plain Lead Co');
      expect(text).toContain(t('en', 'coSell.label'));
    }
    expect(cardText(await ask('archived co-sell'))).toContain(t('en', 'list.archived.empty'));
  });

  it('stats shows the last 30 days’ numbers: answers within 24 h, the median, what is open and how it ended', async () => {
    // Every referral goes to the team's General channel, and Dana is on the team.
    await desk.teams.installInTeam();
    // received (h before NOW) → first answer (h before NOW): how long it took, and what came after.
    const quick = await receive('quick', 'Quick Won', 40);
    await hoursAgo(38, () => desk.service.referrals.apply(quick, accept('Quick'), dana)); // 2 h
    await hoursAgo(10, () => desk.service.referrals.apply(quick, { type: 'won', input: {} }, dana));
    const onTime = await receive('on-time', 'On Time Declined', 50);
    await hoursAgo(30, () =>
      desk.service.referrals.apply(onTime, { type: 'decline', input: { reason: 'not-a-customer' } }, lee),
    ); // 20 h
    const late = await receive('late', 'Late Active', 100);
    await hoursAgo(70, () => desk.service.referrals.apply(late, accept('Late'), lee)); // 30 h
    const lateLost = await receive('late-lost', 'Late Lost', 200);
    await hoursAgo(150, () => desk.service.referrals.apply(lateLost, accept('Lost'), dana)); // 50 h
    await hoursAgo(20, () =>
      desk.service.referrals.apply(lateLost, { type: 'lost', input: { reason: 'budget-inadequate' } }, dana),
    );
    await receive('fresh', 'Still New', 5);
    await receive('overdue', 'Still New Overdue', 60);
    const expired = await receive('expired', 'Never Answered', 15 * 24);
    await hoursAgo(20, () => desk.service.referrals.apply(expired, { type: 'expire' }, scheduler));
    // Answered in an hour, but 40 days ago: outside the window, so it must not pull the median down.
    const old = await receive('old', 'Long Ago', 40 * 24);
    await hoursAgo(40 * 24 - 1, () => desk.service.referrals.apply(old, accept('Old'), dana));

    // Lists and stats read what the changes' effects have stored.
    await desk.service.idle();
    // In personal chat, stats cover the referrals of every team the asker belongs to.
    const card = await ask('stats', { where: 'personal' });
    const text = cardText(card);
    // 7 received in the window; 4 answered, after 2, 20, 30 and 50 h: the median is (20 + 30) / 2 = 25 h.
    expect(text).toContain(`${t('en', 'time.hours', { n: 25 })}\n${t('en', 'stats.median')}`);
    // On time: quick (2 h), on-time (20 h). Late: late (30 h), late-lost (50 h), overdue and expired (never,
    // past 24 h). Pending: fresh, 5 h old, can still be answered on time, so it is neither. 2 of 6: 33 %.
    expect(text).toContain(`33%\n${t('en', 'stats.within24h')}`);
    expect(cardFacts(card)).toMatchObject({
      [t('en', 'stats.received')]: '7',
      [t('en', 'stats.responded')]: '4',
      [t('en', 'stats.onTime')]: '2',
      [t('en', 'stats.late')]: '4',
      [t('en', 'stats.pending')]: '1',
      [t('en', 'stats.stillNew')]: '2',
      [t('en', 'stats.active')]: '1',
      [t('en', 'stats.closed')]: '4',
    });
    const donut = (card['body'] as Record<string, unknown>[]).find((e) => e['type'] === 'Chart.Donut');
    expect(donut?.['data']).toEqual([
      { legend: t('en', 'substatus.Won'), value: 1 },
      { legend: t('en', 'substatus.Lost'), value: 1 },
      { legend: t('en', 'substatus.Declined'), value: 1 },
      { legend: t('en', 'substatus.Expired'), value: 1 },
    ]);
    // Every sample names one solution; of it, quick was won and late-lost lost. One decline, not a customer.
    expect(cardFacts(card)).toMatchObject({
      [t('en', 'reason.not-a-customer')]: '1',
      'Azure Landing Zone Accelerator': t('en', 'stats.winRow', { won: 1, decided: 2, share: '50%' }),
    });

    // Dana installed the bot, so she is the team's referral admin and sees who answers how fast: she answered
    // after 2 and 50 h (median 26 h, 1 of 2 on time), Lee after 20 and 30 h (25 h, 1 of 2); the General channel
    // holds all seven (median 25 h, 2 of 6 on time).
    const hours = (n: number) => t('en', 'time.hours', { n });
    expect(text).toContain(t('en', 'stats.byPerson'));
    expect(cardFacts(card)).toMatchObject({
      [dana.name]: t('en', 'stats.timeRow', { median: hours(26), onTime: 1, decided: 2, share: '50%' }),
      [lee.name]: t('en', 'stats.timeRow', { median: hours(25), onTime: 1, decided: 2, share: '50%' }),
    });
    expect(Object.values(cardFacts(card))).toContain(
      t('en', 'stats.timeRow', { median: hours(25), onTime: 2, decided: 6, share: '33%' }),
    );

    // Lee is on the team but no admin: the same numbers, without anyone's response times.
    const leeText = cardText(await ask('stats', { where: 'personal', from: LEE }));
    expect(leeText).toContain('33%');
    expect(leeText).not.toContain(t('en', 'stats.byPerson'));
    expect(leeText).not.toContain(t('en', 'stats.byChannel'));
  });
});

describe('parseCommand', () => {
  it.each([
    ['도움말', 'help'],
    ['받은편지함', 'inbox'],
    ['진행중', 'active'],
    ['보관함', 'archived'],
    ['보관', 'archived'],
    ['보기', 'show'],
    ['내것', 'mine'],
    ['통계', 'stats'],
    ['요약', 'digest'],
    ['설정', 'settings'],
    ['동기화', 'sync'],
    ['상태', 'status'],
  ])('reads the Korean word %s as %s, as it reads the English one', (word, name) => {
    expect(parseCommand(word)).toEqual({ name, args: [] });
    expect(parseCommand(name.toUpperCase())).toEqual({ name, args: [] });
  });

  it.each([
    ['보관함 성사', 'archived', ['won']],
    ['보관함 실패', 'archived', ['lost']],
    ['보관함 거절', 'archived', ['declined']],
    ['보관함 만료', 'archived', ['expired']],
    ['archived 성사', 'archived', ['won']],
    ['보관함 WON', 'archived', ['won']],
    ['요약 매일 07:30', 'digest', ['daily', '07:30']],
    ['요약 매주 금요일 17:00 Asia/Seoul', 'digest', ['weekly', 'fri', '17:00', 'Asia/Seoul']],
    ['요약 끄기', 'digest', ['off']],
    ['동기화 포기 K3v9', 'sync', ['give-up', 'K3v9']],
    ['sync 포기 k3v9', 'sync', ['give-up', 'k3v9']],
  ])('puts the words after the command in the form its handler reads: %s', (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  it('gives the digest schedule the same request for the Korean words as for the English', () => {
    const weekly = (text: string) => parseDigestRequest(parseCommand(text).args, 'Asia/Seoul');
    expect(weekly('요약 매주 월 08:00')).toEqual(weekly('digest weekly mon 08:00'));
    expect(weekly('요약 매주 일 08:00')).toMatchObject({ ok: true, value: { schedule: { weekday: 0 } } });
  });

  it('leaves words another command knows, ids and times as typed', () => {
    expect(parseCommand('보기 성사')).toEqual({ name: 'show', args: ['성사'] });
    expect(parseCommand('보기 K3V9')).toEqual({ name: 'show', args: ['K3V9'] });
  });

  it('reads Hangul sent as separate letters (decomposed) like Hangul typed whole', () => {
    expect(parseCommand('보관함 성사'.normalize('NFD'))).toEqual({ name: 'archived', args: ['won'] });
  });

  it('answers an empty text with help, and an unknown word with help that quotes it', () => {
    expect(parseCommand('  ')).toEqual({ name: 'help', args: [] });
    expect(parseCommand('보관함함 성사')).toEqual({ name: 'help', args: [], unknown: '보관함함 성사' });
  });

  it('knows archived’s outcomes in both languages, and nothing an object inherits', () => {
    expect(CLOSED_WORDS).toEqual({
      won: 'Won',
      성사: 'Won',
      lost: 'Lost',
      실패: 'Lost',
      declined: 'Declined',
      거절: 'Declined',
      expired: 'Expired',
      만료: 'Expired',
    });
    expect('constructor' in CLOSED_WORDS).toBe(false);
  });
});
