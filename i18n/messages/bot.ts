import type { MessageModule } from '../catalogue';

/** What the bot says outside cards: notification summaries and short replies to clicks. */
export const botMessages: MessageModule = {
  en: {
    'bot.cardSummary': 'New referral: {customer}',
    'show.opened': 'Opened {customer} below.',
  },
  ko: {
    'bot.cardSummary': '새 리퍼럴: {customer}',
    'show.opened': '{customer} 카드를 아래에 열었습니다.',
  },
};
