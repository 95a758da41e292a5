import { noticeCard } from '../../cards/notice-card';
import { t, type Locale } from '../../i18n/catalogue';
import { daysAfter, hoursAfter, newReferral, RECEIVED_AT } from '../core/fixtures';
import { cardText } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';

const referral = newReferral();
const owners = [
  { id: '29:dana', name: 'Dana Kim' },
  { id: '29:lee', name: 'Lee Park' },
];
const EXPIRES_IN_SEOUL = { en: '4 Dec, 18:00 KST', ko: '12월 4일 18:00 KST' };
const EXPIRES_IN_UTC = { en: '4 Dec, 09:00 UTC', ko: '12월 4일 09:00 UTC' };
const view = (locale: Locale, now: Date) => ({ locale, timeZone: 'Asia/Seoul', now });
const mentionsOf = (card: object) =>
  ((card as { msteams?: { entities?: unknown[] } }).msteams?.entities ?? []) as {
    type: string;
    text: string;
    mentioned: { id: string; name: string };
  }[];

describe('notice cards', () => {
  describe.each(['en', 'ko'] as const)('in %s', (locale) => {
    it('the 24 h reminder tells the channel owners why speed matters, and mentions them', () => {
      const card = noticeCard(view(locale, hoursAfter(RECEIVED_AT, 24)), referral, 'reminder', owners);
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain(t(locale, 'notice.reminder.title', { customer: 'Contoso Customer Inc' }));
      expect(text).toContain(t(locale, 'notice.reminder.text'));
      expect(text).toContain('<at>Dana Kim</at>, <at>Lee Park</at>');
      expect(mentionsOf(card)).toEqual([
        { type: 'mention', text: '<at>Dana Kim</at>', mentioned: { id: '29:dana', name: 'Dana Kim' } },
        { type: 'mention', text: '<at>Lee Park</at>', mentioned: { id: '29:lee', name: 'Lee Park' } },
      ]);
    });

    it('the reminder for a channel without owners mentions nobody', () => {
      const card = noticeCard(view(locale, hoursAfter(RECEIVED_AT, 24)), referral, 'reminder');
      expect(cardProblems(card)).toEqual([]);
      expect(mentionsOf(card)).toEqual([]);
      expect(cardText(card)).not.toContain('<at>');
    });

    it('the expiry warning says when the referral expires', () => {
      const card = noticeCard(view(locale, daysAfter(RECEIVED_AT, 12)), referral, 'warning');
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(
        t(locale, 'notice.warning.title', { customer: 'Contoso Customer Inc' }),
      );
      // 2026-12-04 09:00 UTC is 18:00 in Seoul, said with its zone.
      expect(cardText(card)).toContain(EXPIRES_IN_SEOUL[locale]);
      const utc = noticeCard(
        { ...view(locale, daysAfter(RECEIVED_AT, 12)), timeZone: 'UTC' },
        referral,
        'warning',
      );
      expect(cardText(utc)).toContain(EXPIRES_IN_UTC[locale]);
    });

    it('the expiry notice says it was archived as Expired', () => {
      const card = noticeCard(view(locale, daysAfter(RECEIVED_AT, 14)), referral, 'expiry');
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(t(locale, 'notice.expiry.text'));
    });

    it('says Partner Center is told of an expiry only when the expiry is queued for writing back to it', () => {
      const now = daysAfter(RECEIVED_AT, 14);
      const told = cardText(noticeCard(view(locale, now), referral, 'expiry', [], true));
      expect(told).toContain(t(locale, 'notice.expiry.textWrittenBack'));
      const untold = cardText(noticeCard(view(locale, now), referral, 'expiry', [], false));
      expect(untold).toContain(t(locale, 'notice.expiry.text'));
      expect(untold).not.toContain(t(locale, 'notice.expiry.textWrittenBack'));
    });

    it('says Partner Center closes the referral only when it came from Partner Center', () => {
      const now = daysAfter(RECEIVED_AT, 12);
      const pc = cardText(noticeCard(view(locale, now), referral, 'warning'));
      expect(pc).toContain(locale === 'en' ? 'Partner Center closes it' : '파트너 센터가 리퍼럴을 종료');
      const generic = cardText(noticeCard(view(locale, now), newReferral({ source: 'webhook' }), 'warning'));
      expect(generic).not.toContain(locale === 'en' ? 'Partner Center' : '파트너 센터');
    });
  });
});

describe('the notices’ words, in English', () => {
  it('never claim Partner Center is told, nor that it closes a referral, where it is not and does not', () => {
    expect(t('en', 'notice.expiry.text')).not.toMatch(/Partner Center/);
    expect(t('en', 'notice.warning.text', { expiresAt: 'x', left: 'y' })).not.toMatch(/Partner Center/);
    expect(t('en', 'notice.expiry.textWrittenBack')).toMatch(/queued to be written back to Partner Center/);
  });
});
