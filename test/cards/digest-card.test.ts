import { summaryOf } from '../../core/referral-summary';
import { digestCard } from '../../cards/digest-card';
import { createDigest } from '../../core/digest';
import { t } from '../../i18n/catalogue';
import { closedReferral, daysAfter, RECEIVED_AT } from '../core/fixtures';
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
});
