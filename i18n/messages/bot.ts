import { defineMessages } from '../define-messages';

/** What the bot says outside cards: notification summaries and short replies to clicks. */
export const botMessages = defineMessages({
  en: {
    'bot.cardSummary': 'New referral: {customer}',
    'show.opened': 'Opened {customer} below.',
    'ownerNotice.title': 'You now own a referral: {customer}',
    'ownerNotice.text': '{by} made you the owner of “{referral}”. Reminders about it will name you.',
    'ownerNotice.open': 'Open its thread',
    'welcome.title': 'Welcome to Referral Desk',
    'welcome.text':
      'New referrals for your team appear as cards in its channel. Here you get a note when one is assigned to you; type help to see what you can ask, such as mine or inbox.',
    'access.membersOnly':
      'Only members of the team this referral belongs to can act on it. Nothing was changed.',
    'store.unavailable':
      "Can't reach the referral store right now, so nothing was changed. Try again in a minute.",
  },
  ko: {
    'bot.cardSummary': '새 리퍼럴: {customer}',
    'show.opened': '{customer} 카드를 아래에 열었습니다.',
    'ownerNotice.title': '리퍼럴 담당자가 되었습니다: {customer}',
    'ownerNotice.text':
      '{by}님이 “{referral}”의 담당자로 지정했습니다. 이 리퍼럴의 알림에서 이름이 불립니다.',
    'ownerNotice.open': '스레드 열기',
    'welcome.title': 'Referral Desk에 오신 것을 환영합니다',
    'welcome.text':
      '팀의 새 리퍼럴은 팀 채널에 카드로 올라옵니다. 리퍼럴이 배정되면 여기로 알림이 옵니다. 도움말을 입력하면 내것, 받은편지함처럼 물어볼 수 있는 것을 볼 수 있습니다.',
    'access.membersOnly': '이 리퍼럴이 속한 팀의 구성원만 처리할 수 있습니다. 아무것도 바뀌지 않았습니다.',
    'store.unavailable':
      '지금은 리퍼럴 저장소에 연결할 수 없어 아무것도 바뀌지 않았습니다. 1분 뒤에 다시 시도하세요.',
  },
});
