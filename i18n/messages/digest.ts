import { defineMessages } from '../define-messages';

/** The managers' digest and the `digest` command's replies. */
export const digestMessages = defineMessages({
  en: {
    'digest.title': 'Referral digest',
    'digest.new': 'new referrals',
    'digest.awaiting': 'awaiting an answer',
    'digest.overdue': 'waiting over 24 h',
    'digest.expiring': 'expire within 48 h',
    'digest.pipeline': 'Active pipeline',
    'digest.activeCount': 'Active engagements',
    'digest.activeValue': 'Estimated value',
    'digest.outcomes': 'Outcomes in this period',
    'digest.response': 'Response times',
    'digest.subscribed.daily': 'Done: a digest every day at {time} ({timeZone}). The first one comes {next}.',
    'digest.subscribed.weekly':
      'Done: a digest every {weekday} at {time} ({timeZone}). The first one comes {next}.',
    'digest.off': 'Digests for this chat are off.',
    'digest.notSubscribed': 'This chat had no digest subscription.',
    'digest.usage':
      'Try "{digest}" for one now, "{digest} {daily} 08:00", "{digest} {weekly} {mon} 08:00 Asia/Seoul" or "{digest} {off}".',
  },
  ko: {
    'digest.title': '리퍼럴 요약',
    'digest.new': '새 리퍼럴',
    'digest.awaiting': '응답 대기',
    'digest.overdue': '24시간 초과 대기',
    'digest.expiring': '48시간 내 만료',
    'digest.pipeline': '진행 중인 파이프라인',
    'digest.activeCount': '진행 중인 영업 기회',
    'digest.activeValue': '예상 금액',
    'digest.outcomes': '이 기간의 결과',
    'digest.response': '응답 시간',
    'digest.subscribed.daily':
      '설정했습니다: 매일 {time}({timeZone})에 요약을 보냅니다. 첫 요약은 {next}에 옵니다.',
    'digest.subscribed.weekly':
      '설정했습니다: 매주 {weekday} {time}({timeZone})에 요약을 보냅니다. 첫 요약은 {next}에 옵니다.',
    'digest.off': '이 대화의 요약을 껐습니다.',
    'digest.notSubscribed': '이 대화에는 요약 구독이 없었습니다.',
    // No particle follows a command word: which one is right (로/으로, 를/을) depends on the word.
    'digest.usage':
      '이렇게 입력하세요: "{digest}" (지금 요약), "{digest} {daily} 08:00", "{digest} {weekly} {mon} 08:00 Asia/Seoul", "{digest} {off}" (정기 요약 끄기).',
  },
});
