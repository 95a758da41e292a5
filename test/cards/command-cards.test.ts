import { helpCard, HELP_COMMANDS } from '../../cards/help-card';
import { listCard } from '../../cards/list-card';
import { settingsCard } from '../../cards/settings-card';
import { statsCard } from '../../cards/stats-card';
import type { ListRequest } from '../../cards/card-views';
import { createResponseStats } from '../../core/stats';
import type { Referral } from '../../core/referral';
import { t, type Locale } from '../../i18n/catalogue';
import { cardText, cardVerbs } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import { activeReferral, closedReferral, daysAfter, newReferral, RECEIVED_AT } from '../core/fixtures';

const NOW = daysAfter(RECEIVED_AT, 1);
const LOCALES: Locale[] = ['en', 'ko'];
const view = (locale: Locale) => ({ locale, timeZone: 'Asia/Seoul', now: NOW });
const page = (items: Referral[], n = 0, hasMore = false) => ({ items, page: n, hasMore });
const LISTS: [ListRequest, Referral[]][] = [
  [{ list: 'inbox', page: 0 }, [newReferral(), newReferral({ customerRequestedContact: true })]],
  [{ list: 'active', page: 0 }, [activeReferral()]],
  [{ list: 'archived', page: 0 }, [closedReferral('Won'), closedReferral('Expired')]],
  [{ list: 'archived', filter: 'won', page: 0 }, [closedReferral('Won')]],
  [{ list: 'mine', page: 0 }, []],
];

describe.each(LOCALES)('command cards in %s', (locale) => {
  it('help, lists, settings and stats parse and validate with the SDK', () => {
    const stats = createResponseStats();
    [newReferral(), activeReferral(), closedReferral('Won')].forEach((r) => stats.add(r));
    const cards = [
      helpCard(view(locale)),
      helpCard(view(locale), 'frobnicate'),
      ...LISTS.map(([request, items]) => listCard(view(locale), request, page(items, 1, true))),
      settingsCard(view(locale), undefined),
      settingsCard(view(locale), undefined, {
        values: { countries: 'Narnia' },
        errors: [{ field: 'countries', code: 'not-a-country', message: '' }],
      }),
      statsCard(view(locale), stats.result(), { from: RECEIVED_AT, to: NOW }),
      statsCard(view(locale), createResponseStats().result(), { from: RECEIVED_AT, to: NOW }),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });
});

describe('list card', () => {
  it('opens each row by its referral id and pages only where there is more', () => {
    const items = [newReferral(), activeReferral()];
    const first = listCard(view('en'), { list: 'inbox', page: 0 }, page(items, 0, true));
    expect(cardVerbs(first).filter((v) => v === 'show')).toHaveLength(2);
    expect(JSON.stringify(first)).toContain(`"referralId":"${items[0]!.id}"`);
    expect(cardText(first)).toContain(t('en', 'list.next'));
    expect(cardText(first)).not.toContain(t('en', 'list.previous'));
    const last = listCard(view('en'), { list: 'inbox', page: 2 }, page(items, 2, false));
    expect(cardText(last)).toContain(t('en', 'list.previous'));
    expect(cardText(last)).not.toContain(t('en', 'list.next'));
  });

  it('stays under 80 KB for a page of five referrals with very long texts', () => {
    const long = 'x'.repeat(4000);
    const items = Array.from({ length: 5 }, () => newReferral({ name: long }));
    expect(cardProblems(listCard(view('ko'), { list: 'inbox', page: 0 }, page(items)))).toEqual([]);
    expect(JSON.stringify(listCard(view('ko'), { list: 'inbox', page: 0 }, page(items))).length).toBeLessThan(
      20_000,
    );
  });
});

describe('help card', () => {
  it('names every command and quotes an unknown one', () => {
    const text = cardText(helpCard(view('en'), 'frobnicate'));
    for (const name of HELP_COMMANDS) expect(text).toContain(t('en', `help.${name}.example`));
    expect(text).toContain('frobnicate');
  });
});
