import { summaryOf } from '../../core/referral-summary';
import { digestCard, OUTCOME_COLORS } from '../../cards/digest-card';
import { createDigest } from '../../core/digest';
import { t } from '../../i18n/catalogue';
import { closedReferral, daysAfter, newReferral, RECEIVED_AT } from '../core/fixtures';
import { cardText } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';

const now = daysAfter(RECEIVED_AT, 6);
const period = { from: daysAfter(RECEIVED_AT, -1), to: now };
const charts = (card: object) =>
  (card as { body: { type: string; fallback?: unknown }[] }).body.filter((e) => e.type.startsWith('Chart.'));

describe('the digest card', () => {
  it.each(['en', 'ko'] as const)('for a quiet week says so, with no chart (%s)', (locale) => {
    const card = digestCard({ locale, timeZone: 'Asia/Seoul', now }, createDigest(period, now).result());
    expect(cardProblems(card)).toEqual([]);
    expect(charts(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(t(locale, 'digest.title'));
    expect(text).toContain(t(locale, 'digest.awaiting'));
    expect(text).toContain('—');
  });

  it.each(['en', 'ko'] as const)(
    'draws outcomes as a donut that older clients read as text (%s)',
    (locale) => {
      const digest = createDigest(period, now);
      for (const s of ['Won', 'Lost', 'Declined'] as const) digest.closed(summaryOf(closedReferral(s)));
      const card = digestCard({ locale, timeZone: 'UTC', now }, digest.result());
      expect(cardProblems(card)).toEqual([]);
      const [donut] = charts(card);
      expect(donut).toMatchObject({ type: 'Chart.Donut', fallback: { type: 'TextBlock' } });
      expect(cardText(donut)).toContain(`${t(locale, 'substatus.Won')} 1`);
      expect(cardText(card)).toMatch(/1 · \$30,000|1 · US\$30,000/);
    },
  );

  it('colours the outcomes with four distinct chart colours, each at least 3:1 on the light and the dark theme', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const colours = Object.values(OUTCOME_COLORS);
    expect(new Set(colours.map((c) => c.name)).size).toBe(4);
    expect(new Set(colours.map((c) => c.hex)).size).toBe(4);
    // Teams' light card background and its dark theme's: WCAG 1.4.11 asks 3:1 for parts of a chart.
    for (const { hex } of colours)
      for (const background of ['#FFFFFF', '#1F1F1F'])
        expect(contrast(hex, background)).toBeGreaterThanOrEqual(3);
  });

  it('names at most five of each list, and counts the rest', () => {
    const digest = createDigest(period, now);
    // Seven referrals received 2 days before now: all seven past their 24 h.
    for (let n = 0; n < 7; n++) {
      const referral = newReferral({}, daysAfter(now, -2 - n / 24));
      digest.open({ ...summaryOf(referral), id: `r${n}` });
    }
    const card = digestCard({ locale: 'en', timeZone: 'UTC', now }, digest.result());
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`${t('en', 'digest.overdueList')} (7)`);
    expect(text).toContain(t('en', 'digest.more', { n: 2 }));
    expect(JSON.stringify(card).match(/"verb":"show"/g)).toHaveLength(5);
  });
});
