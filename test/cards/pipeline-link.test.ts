import { referralCard } from '../../cards/referral-card';
import { t, type Locale } from '../../i18n/catalogue';
import {
  activeReferral,
  closedReferral,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
  REFERRAL_ID,
} from '../core/fixtures';
import { cardProblems } from '../support/validate-card';
import { elements, topActions } from './card-queries';
import { view } from './referral-card-states';

const APP_ID = '2f0c6a1e-4b7d-4c1a-9d3e-5a8b7c6d5e4f';
const CHANNEL_ID = '19:general@thread.tacv2';
const now = hoursAfter(RECEIVED_AT, 2);

const openUrls = (card: Record<string, unknown>) =>
  elements(card['body'], 'Action.OpenUrl').filter((a) =>
    String(a['url']).startsWith('https://teams.microsoft.com/'),
  );

describe('the referral card links to the pipeline tab', () => {
  it.each<Locale>(['en', 'ko'])(
    'has "Open in pipeline" in the body, a deep link to the channel tab on this referral (%s)',
    (locale) => {
      const card = referralCard(view(locale, now), newReferral(), {
        pipeline: { appId: APP_ID, channelId: CHANNEL_ID },
      });
      const [link, ...more] = openUrls(card);
      expect(more).toEqual([]);
      expect(link?.['title']).toBe(t(locale, 'card.openInPipeline'));
      const url = new URL(String(link?.['url']));
      expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/pipeline`);
      expect(JSON.parse(url.searchParams.get('context')!)).toEqual({
        subEntityId: REFERRAL_ID,
        channelId: CHANNEL_ID,
      });
      // Teams' five top-level actions stay the forms'.
      expect(topActions(card).filter((a) => a['type'] === 'Action.OpenUrl')).toEqual([]);
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('is on Active and closed cards too, and leaves the channel out when the card has none', () => {
    for (const referral of [activeReferral(), closedReferral('Won')]) {
      const card = referralCard(view('en', now), referral, { pipeline: { appId: APP_ID } });
      const url = new URL(String(openUrls(card)[0]?.['url']));
      expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: referral.id });
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it('is absent without a Teams app id (local mode)', () => {
    const card = referralCard(view('en', now), newReferral());
    expect(openUrls(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain(t('en', 'card.openInPipeline'));
  });
});
