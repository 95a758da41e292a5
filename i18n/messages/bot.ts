import { defineMessages } from '../define-messages';

/** What the bot says outside cards: notification summaries and short replies to clicks. */
export const botMessages = defineMessages({
  en: {
    'bot.cardSummary': 'New referral: {customer}',
    'show.opened': 'Opened {customer} below.',
    'access.membersOnly':
      'Only members of the team this referral belongs to can act on it. Nothing was changed.',
    'store.unavailable':
      "Can't reach the referral store right now, so nothing was changed. Try again in a minute.",
  },
  ko: {
    'bot.cardSummary': '새 리퍼럴: {customer}',
    'show.opened': '{customer} 카드를 아래에 열었습니다.',
    'access.membersOnly': '이 리퍼럴이 속한 팀의 구성원만 처리할 수 있습니다. 아무것도 바뀌지 않았습니다.',
    'store.unavailable':
      '지금은 리퍼럴 저장소에 연결할 수 없어 아무것도 바뀌지 않았습니다. 1분 뒤에 다시 시도하세요.',
  },
});
