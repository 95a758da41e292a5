import { defineMessages } from '../define-messages';

/** What the scheduler says in a referral's thread. */
export const schedulerMessages = defineMessages({
  en: {
    'notice.reminder.title': '{customer} has waited 24 hours',
    'notice.reminder.text':
      'Customers often send the same request to several partners, and the first to answer usually gets the call. Accept or decline it now.',
    'notice.warning.title': '{customer} expires in 2 days',
    'notice.warning.text':
      'Nobody has answered yet. It expires {expiresAt} ({left}); after that it is archived here and the customer moves on.',
    'notice.warning.textPartnerCenter':
      'Nobody has answered yet. It expires {expiresAt} ({left}); after that Partner Center closes it and the customer moves on.',
    'notice.expiry.title': '{customer} expired',
    'notice.expiry.text':
      'Nobody answered in time, so the referral is archived as Expired. It stays reviewable with "archived expired".',
    'notice.expiry.textWrittenBack':
      'Nobody answered in time, so the referral is archived as Expired, and the expiry is queued to be written back to Partner Center. It stays reviewable with "archived expired".',
  },
  ko: {
    'notice.reminder.title': '{customer} 리퍼럴이 24시간째 기다리고 있습니다',
    'notice.reminder.text':
      '고객은 같은 요청을 여러 파트너에게 보내는 경우가 많고, 먼저 답한 파트너가 대개 기회를 얻습니다. 지금 수락하거나 거절하세요.',
    'notice.warning.title': '{customer} 리퍼럴이 2일 후 만료됩니다',
    'notice.warning.text':
      '아직 아무도 응답하지 않았습니다. {expiresAt}에 만료되며({left}), 그 후에는 여기서 보관되고 고객은 다른 파트너를 찾습니다.',
    'notice.warning.textPartnerCenter':
      '아직 아무도 응답하지 않았습니다. {expiresAt}에 만료되며({left}), 그 후에는 파트너 센터가 리퍼럴을 종료합니다.',
    'notice.expiry.title': '{customer} 리퍼럴이 만료되었습니다',
    'notice.expiry.text':
      '기한 안에 아무도 응답하지 않아 만료로 보관했습니다. "archived expired"로 다시 볼 수 있습니다.',
    'notice.expiry.textWrittenBack':
      '기한 안에 아무도 응답하지 않아 만료로 보관했고, 만료를 파트너 센터에 다시 기록하도록 대기열에 넣었습니다. "archived expired"로 다시 볼 수 있습니다.',
  },
});
