import { parseChannelPreferences } from '../../core/channel-preferences';
import { parseCommand } from '../../bot/commands';
import { summaryOf } from '../../core/referral-summary';
import type { ListRequest } from '../../cards/card-views';
import { helpCard } from '../../cards/help-card';
import { listCard } from '../../cards/list-card';
import type { CardJson } from '../../cards/render';
import { settingsCard } from '../../cards/settings-card';
import { statsCard } from '../../cards/stats-card';
import { formatResponseTime as responseTime } from '../../i18n/format';
import { createCardViews } from '../../cards/views';
import type { Referral } from '../../core/referral';
import { parseRoutingClaims } from '../../core/routing';
import { createResponseStats, type ResponseStats } from '../../core/stats';
import { t, type Locale } from '../../i18n/catalogue';
import type { ChannelSettings } from '../../core/routing';
import {
  activeReferral,
  closedReferral,
  daysAfter,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
} from '../core/fixtures';
import { cardText, cardVerbs, readAs } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import { elementAfter, elements, input, inputIds, topActions } from './card-queries';

const NOW = hoursAfter(RECEIVED_AT, 5);
const LOCALES: Locale[] = ['en', 'ko'];
const HANGUL = /[\uAC00-\uD7A3]/;
const view = (locale: Locale = 'en') => ({ locale, timeZone: 'Asia/Seoul', now: NOW });
const withId = (referral: Referral, id: string): Referral => ({ ...referral, id });
/** A page of list rows as the directory hands them out: `hasMore` says one more page follows. */
const page = (items: Referral[], n = 0, hasMore = false) => ({
  items: items.map(summaryOf),
  page: n,
  pageSize: 10,
  total: n * 10 + items.length + (hasMore ? 1 : 0),
  hasMore,
});
const fullPage = (): Referral[] => [
  withId(newReferral(), 'r-new'),
  withId(newReferral({ customerRequestedContact: true }), 'r-flame'),
  withId(newReferral({}, daysAfter(RECEIVED_AT, -2)), 'r-overdue'),
  withId(activeReferral(), 'r-active'),
  withId(closedReferral('Won'), 'r-won'),
];
const LISTS: ListRequest[] = [
  { list: 'inbox', page: 0 },
  { list: 'active', page: 0 },
  { list: 'archived', page: 0 },
  { list: 'archived', filter: 'won', page: 0 },
  { list: 'mine', page: 0 },
];
const SETTINGS: ChannelSettings = {
  channelId: '19:sales@thread.tacv2',
  regions: ['APAC'],
  countries: ['KR', 'JP'],
  keywords: ['Azure', 'Copilot'],
  sizes: ['51to250employees', '51to500employees'],
  isDefault: true,
  updatedAt: RECEIVED_AT,
  updatedBy: { id: 'aad-dana', name: 'Dana Kim' },
};
const COUNTRY_ERROR = { values: { countries: 'Narnia', keywords: 'Azure' }, errors: [countryError()] };
const period = { from: daysAfter(NOW, -30), to: NOW };
const STATS: ResponseStats = {
  received: 8,
  responded: 5,
  medianResponseMs: (3 * 60 + 20) * 60_000,
  onTime: 3,
  late: 1,
  pending: 2,
  withinRecommendedShare: 0.75,
  stillNew: 3,
  active: 2,
  closed: { Won: 2, Lost: 1, Declined: 0, Expired: 0 },
};

function countryError() {
  return { field: 'countries', code: 'not-a-country', message: 'Countries: Narnia is not a country.' };
}

function everyCard(locale: Locale): [string, CardJson][] {
  const v = view(locale);
  const lists = LISTS.flatMap((request): [string, CardJson][] => [
    [`${request.list} ${request.filter ?? ''} empty`, listCard(v, request, page([]))],
    [`${request.list} ${request.filter ?? ''} first`, listCard(v, request, page(fullPage(), 0, true))],
    [`${request.list} ${request.filter ?? ''} middle`, listCard(v, request, page(fullPage(), 1, true))],
    [`${request.list} ${request.filter ?? ''} last`, listCard(v, request, page(fullPage(), 2, false))],
  ]);
  return [
    ['help', helpCard(v)],
    ['help for an unknown command', helpCard(v, 'frobnicate')],
    ...lists,
    ['settings never set', settingsCard(v, undefined)],
    ['settings stored', settingsCard(v, SETTINGS)],
    ['settings with errors', settingsCard(v, SETTINGS, COUNTRY_ERROR)],
    ['settings saved', settingsCard(v, SETTINGS, undefined, 'saved')],
    ['stats', statsCard(v, STATS, period)],
    ['stats with no data', statsCard(v, createResponseStats(NOW).result(), period)],
  ];
}

describe.each(LOCALES)('every command card in %s', (locale) => {
  it.each(everyCard(locale))('%s parses and validates with the adaptivecards SDK', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('command cards in Korean', () => {
  it.each(everyCard('ko'))('%s is written in Korean', (_name, card) => {
    expect(cardText(card)).toMatch(HANGUL);
  });
});

describe('help card', () => {
  /** The examples help gives, as typed: each entry's `Example: …` line without its label. */
  const examples = (locale: Locale) =>
    cardText(helpCard(view(locale)))
      .split('\n')
      .filter((line) => line.startsWith(t(locale, 'help.example', { example: '' })))
      .map((line) => line.slice(t(locale, 'help.example', { example: '' }).length));

  it('names every command with its English command word in English', () => {
    const text = cardText(helpCard(view('en')));
    const typed = ['help', 'inbox', 'active', 'archived', 'show', 'mine', 'stats', 'settings'];
    for (const word of [...typed, 'digest', 'digest daily', 'digest weekly', 'digest off'])
      expect(text).toMatch(new RegExp(`^${word}\\b`, 'm'));
    expect(text).toContain('archived [won|lost|declined|expired]');
    expect(text).toContain('digest weekly mon 08:00 Asia/Seoul');
  });

  it('names every command with its Korean command word in Korean, usage and example alike', () => {
    const text = cardText(helpCard(view('ko')));
    const typed = ['도움말', '받은편지함', '진행중', '보관함', '보기', '내것', '통계', '설정'];
    for (const word of [...typed, '요약', '요약 매일', '요약 매주', '요약 끄기'])
      expect(text).toMatch(new RegExp(`^${word}( |$)`, 'm'));
    expect(text).toContain('보관함 [성사|실패|거절|만료]');
    expect(examples('ko')).toEqual([
      '보관함 성사',
      '보기 k3v9',
      '요약 매일 08:00',
      '요약 매주 월 08:00 Asia/Seoul',
    ]);
    expect(text).not.toMatch(/^(archived|digest|show|inbox)\b/m);
  });

  it('gives Korean examples the bot reads as the English ones', () => {
    expect(examples('ko').map(parseCommand)).toEqual(examples('en').map(parseCommand));
    expect(examples('en')).toHaveLength(4);
  });

  it('starts by quoting a command it does not know, and only then', () => {
    const unknown = helpCard(view(), 'frobnicate now');
    expect(cardText(unknown).split('\n')[0]).toBe('I don’t know “frobnicate now”. Here is what I can do:');
    expect(cardText(helpCard(view()))).not.toContain('I don’t know');
    expect(cardText(helpCard(view('ko'), 'frobnicate'))).toContain('“frobnicate” 명령은 모릅니다');
  });
});

describe('list card', () => {
  // Rows open through their container's selectAction, which `elements` (array members only) does not reach.
  const open = (card: CardJson) =>
    elements(card, 'Container')
      .map((row) => row['selectAction'] as { verb: string; data: { referralId: string } } | undefined)
      .filter((action) => action?.verb === 'show')
      .map((action) => action!.data.referralId);
  const paging = (card: CardJson) =>
    topActions(card).map((a) => ({ title: a['title'], verb: a['verb'], data: a['data'] }));

  it('opens each row’s own referral', () => {
    const card = listCard(view(), { list: 'inbox', page: 0 }, page(fullPage()));
    expect(open(card)).toEqual(['r-new', 'r-flame', 'r-overdue', 'r-active', 'r-won']);
  });

  it.each(LOCALES)('shows each row’s id, to type after show (%s)', (locale) => {
    const card = listCard(view(locale), { list: 'inbox', page: 0 }, page(fullPage()));
    const details = elements(card, 'TextBlock')
      .map((block) => String(block['text']))
      .filter((text) => text.includes(t(locale, 'card.id', { id: '' }).trim()));
    expect(details.map((text) => text.split(' · ').at(-1))).toEqual(
      ['r-new', 'r-flame', 'r-overdue', 'r-active', 'r-won'].map((id) => t(locale, 'card.id', { id })),
    );
  });

  it('offers only Next on the first page, both in the middle, only Previous on the last', () => {
    const request: ListRequest = { list: 'archived', filter: 'won', page: 0 };
    const next = (n: number) => ({
      title: 'Next',
      verb: 'list-page',
      data: { list: 'archived', filter: 'won', page: n },
    });
    const previous = (n: number) => ({ ...next(n), title: 'Previous' });
    expect(paging(listCard(view(), request, page(fullPage(), 0, true)))).toEqual([next(1)]);
    expect(paging(listCard(view(), request, page(fullPage(), 1, true)))).toEqual([previous(0), next(2)]);
    expect(paging(listCard(view(), request, page(fullPage(), 2, false)))).toEqual([previous(1)]);
    expect(paging(listCard(view(), request, page(fullPage(), 0, false)))).toEqual([]);
  });

  it.each([
    ['en', 1, 10, 47, '11–20 of 47'],
    ['ko', 1, 10, 47, '전체 47건 중 11–20'],
    ['en', 4, 7, 47, '41–47 of 47'],
    ['en', 0, 5, 5, '1–5 of 5'],
    ['en', 120, 3, 1203, '1,201–1,203 of 1,203'],
    ['en', 0, 1, 1, '1 of 1'],
    ['ko', 4, 1, 41, '전체 41건 중 41'],
  ] as const)(
    'says where the page sits in the list (%s, page %i of %i rows, %i in all)',
    (locale, n, rows, total, text) => {
      const items = Array.from({ length: rows }, (_, i) => summaryOf(withId(newReferral(), `r-${i}`)));
      const card = listCard(
        view(locale),
        { list: 'archived', page: n },
        {
          items,
          page: n,
          pageSize: 10,
          total,
          hasMore: n * 10 + rows < total,
        },
      );
      const range = elements(card['body'], 'TextBlock').find((b) => readAs(String(b['text'])) === text);
      expect(range).toMatchObject({ size: 'small', isSubtle: true });
    },
  );

  it('says so when there is nothing to list, with no rows and no paging', () => {
    const card = listCard(view(), { list: 'inbox', page: 0 }, page([]));
    expect(cardText(card)).toContain('Nothing waiting — nice.');
    expect(cardVerbs(card)).toEqual([]);
    expect(cardText(card)).not.toContain(' of 0');
  });

  it('shows the inbox by time left, overdue ones as overdue, and the flame on contact-me referrals', () => {
    const [fresh, flame, overdue] = fullPage();
    const text = cardText(listCard(view(), { list: 'inbox', page: 0 }, page([fresh!, flame!, overdue!])));
    expect(text).toContain('Inbox — new referrals by time left');
    expect(text).toContain('Contoso Customer Inc\n51–250 employees · Redmond, WA, US');
    expect(text).toContain('19 h left');
    expect(text).toContain('🔥 Contoso Customer Inc');
    expect(text.match(/🔥/g)).toHaveLength(1);
    expect(text).toContain('overdue by 29 h');
  });

  it('shows active engagements with their name, estimated value and purchase date', () => {
    const text = cardText(listCard(view(), { list: 'active', page: 0 }, page([activeReferral()])));
    expect(text).toContain('Active engagements');
    expect(text).toContain('Contoso supply chain rollout · 1 Feb 2027');
    expect(text).toContain('$30,000');
  });

  it('shows archived referrals with their outcome and date, and names the outcome asked for', () => {
    const card = listCard(
      view('ko'),
      { list: 'archived', filter: '성사', page: 0 },
      page([closedReferral('Won')]),
    );
    expect(cardText(card)).toContain('보관된 리퍼럴 — 성사');
    expect(cardText(card)).toContain('2026년 11월 25일 종료');
    const en = cardText(listCard(view(), { list: 'archived', page: 0 }, page([closedReferral('Lost')])));
    expect(en).toContain('Lost');
    expect(en).toContain('Closed 25 Nov 2026');
  });

  it('titles the referrals a person answered', () => {
    expect(cardText(listCard(view(), { list: 'mine', page: 0 }, page([])))).toContain('My referrals');
  });

  it('stays under 80 KB for a page of ten referrals with 2,000-character notes and names', () => {
    const long = 'Ж'.repeat(2000);
    const items = Array.from({ length: 10 }, (_, i) =>
      withId(
        newReferral({
          name: long,
          customer: { ...newReferral().customer, name: long, address: { city: long, country: 'KR' } },
          details: { ...newReferral().details, notes: long },
        }),
        `r-${i}`,
      ),
    );
    const card = listCard(view('ko'), { list: 'inbox', page: 1 }, page(items, 1, true));
    expect(cardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(20 * 1024);
    expect(open(card)).toEqual(items.map((item) => item.id));
  });
});

describe('settings card', () => {
  it('names its inputs as the settings parser reads them, so saving unchanged keeps the settings', () => {
    const members = [
      { id: 'aad-dana', name: 'Dana Kim' },
      { id: 'aad-lee', name: 'Lee Park' },
    ];
    const team = { members, admins: [members[0]!] };
    const card = settingsCard(
      view(),
      { ...SETTINGS, locale: 'ko', timeZone: 'Asia/Seoul' },
      undefined,
      undefined,
      team,
    );
    expect(inputIds(card)).toEqual([
      'regions',
      'countries',
      'keywords',
      'sizes',
      'isDefault',
      'locale',
      'timeZone',
      'admins',
    ]);
    const submitted = Object.fromEntries(inputIds(card).map((id) => [id, input(card, id)!['value']]));
    const { channelId: _c, updatedAt: _u, updatedBy: _b, ...claims } = SETTINGS;
    expect(parseRoutingClaims(submitted)).toEqual({ ok: true, value: claims });
    expect(parseChannelPreferences(submitted, members)).toEqual({
      ok: true,
      value: { locale: 'ko', timeZone: 'Asia/Seoul', adminIds: ['aad-dana'] },
    });
    expect(cardVerbs(card)).toEqual(['settings-save']);
  });

  it('shows what the channel claims, and offers an older size bucket only to a channel using it', () => {
    const card = settingsCard(view(), SETTINGS);
    const text = cardText(card);
    for (const shown of ['APAC', 'KR, JP', 'Azure, Copilot', '51–250 employees, 51–500 employees'])
      expect(text).toContain(shown);
    const choices = (c: CardJson) =>
      (input(c, 'sizes')!['choices'] as { value: string }[]).map((o) => o.value);
    expect(choices(card)).toContain('51to500employees');
    expect(choices(settingsCard(view(), undefined))).not.toContain('51to500employees');
  });

  it('warns a channel that claims nothing that it only gets what no other channel fits', () => {
    expect(cardText(settingsCard(view(), undefined))).toContain('This channel claims nothing yet');
    expect(cardText(settingsCard(view(), SETTINGS))).not.toContain('This channel claims nothing yet');
  });

  it.each(LOCALES)('shows an error under its input and keeps what was typed (%s)', (locale) => {
    const card = settingsCard(view(locale), SETTINGS, COUNTRY_ERROR);
    expect(input(card, 'countries')!['value']).toBe('Narnia');
    expect(input(card, 'keywords')!['value']).toBe('Azure');
    expect(elementAfter(card, 'countries')).toMatchObject({
      text: t(locale, 'error.not-a-country'),
      color: 'attention',
    });
    expect(elementAfter(card, 'keywords')).toBeUndefined();
  });

  it('shows an error that belongs to no input above the form, and keeps the toggle a yes or no', () => {
    const form = {
      values: {},
      errors: [{ field: '', code: 'bad-format', message: 'The input must be an object.' }],
    };
    const card = settingsCard(view(), SETTINGS, form);
    expect(cardText(card)).toContain(t('en', 'error.bad-format'));
    expect(input(card, 'isDefault')!['value']).toBe('false');
  });

  it('confirms a save only when told it saved', () => {
    const saved = 'Saved. New referrals matching these go to this channel';
    expect(cardText(settingsCard(view(), SETTINGS, undefined, 'saved'))).toContain(saved);
    expect(cardText(settingsCard(view(), SETTINGS))).not.toContain(saved);
  });
});

describe('stats card', () => {
  const donut = (card: CardJson) => elements(card, 'Chart.Donut')[0];

  const DETAILS = {
    outcomes: {
      declineReasons: [{ reason: 'budget-inadequate' as const, count: 3 }],
      bySolution: [
        { solution: 'Azure migration', won: 3, lost: 1, winRate: 0.75 },
        { won: 0, lost: 2, winRate: 0 },
      ],
    },
    admin: {
      byPerson: [
        {
          key: 'aad-dana',
          name: 'Dana <b>Kim</b>',
          answered: 2,
          medianResponseMs: 5 * 3600_000,
          onTime: 2,
          late: 0,
          onTimeShare: 1,
        },
      ],
      byChannel: [{ key: '19:general', name: 'General', answered: 0, onTime: 0, late: 1, onTimeShare: 0 }],
    },
  };

  it.each(LOCALES)(
    'shows decline reasons, win rate by solution and, for admins, response times by person and channel (%s)',
    (locale) => {
      const card = statsCard(view(locale), STATS, period, DETAILS);
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain(`${t(locale, 'reason.budget-inadequate')}\n3`);
      expect(text).toContain(
        `Azure migration\n${t(locale, 'stats.winRow', { won: 3, decided: 4, share: '75%' })}`,
      );
      expect(text).toContain(t(locale, 'stats.noSolution'));
      expect(text).toContain(
        `Dana <b>Kim</b>\n${t(locale, 'stats.timeRow', { median: responseTime(locale, 5 * 3600_000), onTime: 2, decided: 2, share: '100%' })}`,
      );
      expect(text).toContain(t(locale, 'stats.timeRowNoAnswer', { onTime: 0, decided: 1, share: '0%' }));
      const noAdmin = cardText(statsCard(view(locale), STATS, period, { outcomes: DETAILS.outcomes }));
      expect(noAdmin).not.toContain(t(locale, 'stats.byPerson'));
      expect(noAdmin).toContain(t(locale, 'stats.bySolution'));
    },
  );

  it('shows the median time to first answer in hours and minutes, and the share within 24 h', () => {
    const text = cardText(statsCard(view(), STATS, period));
    expect(text).toContain('3 h 20 min');
    expect(text).toContain('75%');
    expect(text).toMatch(
      /Received\n8\nAnswered\n5\nAnswered within 24 h\n3\nAnswered late or not at all\n1\nStill inside 24 h\n2\nStill waiting\n3\nActive\n2\nClosed\n3/,
    );
  });

  it('draws outcomes as a donut that falls back to the same numbers as facts', () => {
    const chart = donut(statsCard(view('ko'), STATS, period));
    expect(chart!['data']).toEqual([
      { legend: '성사', value: 2 },
      { legend: '실패', value: 1 },
    ]);
    expect(chart!['fallback']).toEqual({
      type: 'FactSet',
      facts: [
        { title: '성사', value: '2' },
        { title: '실패', value: '1' },
      ],
    });
  });

  it.each(LOCALES)('says there is no data yet instead of showing zeros as times (%s)', (locale) => {
    const card = statsCard(view(locale), createResponseStats(NOW).result(), period);
    const text = cardText(card);
    for (const key of ['stats.noAnswers', 'stats.noData', 'stats.noOutcomes'] as const)
      expect(text).toContain(t(locale, key));
    expect(text).not.toContain('0%');
    expect(donut(card)).toBeUndefined();
  });

  it.each([
    [45 * 60_000, '45 min', '45분'],
    [3 * 3600_000, '3 h', '3시간'],
    [(26 * 60 + 5) * 60_000, '26 h 5 min', '26시간 5분'],
    [(3 * 24 + 4) * 3600_000, '3 days 4 h', '3일 4시간'],
  ])('humanises %i ms as “%s”', (ms, en, ko) => {
    expect(responseTime('en', ms)).toBe(en);
    expect(responseTime('ko', ms)).toBe(ko);
  });
});

describe('card views', () => {
  const views = createCardViews();

  it('answers each command with its card and texts from the catalogue', () => {
    expect(views.help(view(), 'x')).toEqual(helpCard(view(), 'x'));
    expect(views.list(view(), LISTS[0]!, page([]))).toEqual(listCard(view(), LISTS[0]!, page([])));
    expect(views.stats(view(), STATS, period)).toEqual(statsCard(view(), STATS, period));
    expect(views.settings(view(), SETTINGS)).toEqual(settingsCard(view(), SETTINGS));
    expect(views.text(view('ko'), 'show.none', { id: 'zz' })).toBe(t('ko', 'show.none', { id: 'zz' }));
  });

  it('draws a referral with the referral card', () => {
    const card = views.referral(view(), newReferral());
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Contoso Customer Inc');
  });
});
