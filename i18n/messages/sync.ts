import { defineMessages } from '../define-messages';

/** Partner Center sync: the `sync give-up <id>` command's replies (the card's sync line lives with the card). */
export const syncMessages = defineMessages({
  en: {
    'sync.give-up.usage':
      'Usage: sync give-up <referral id>. Stops retrying changes Partner Center has not taken.',
    'sync.give-up.done':
      'Stopped sending {count} change(s) for {customer} to Partner Center. Make them in Partner Center by hand so both agree.',
    'sync.give-up.nothing': 'Nothing for {customer} is waiting to be sent to Partner Center.',
    'sync.give-up.not-partner-center':
      '{customer} did not come from Partner Center, so there is nothing to sync.',
    'sync.off': 'Partner Center sync is off: the service has no Partner Center settings.',
  },
  ko: {
    'sync.give-up.usage':
      '사용법: sync give-up <리퍼럴 ID>. 파트너 센터가 받지 않은 변경의 재시도를 멈춥니다.',
    'sync.give-up.done':
      '{customer}의 변경 {count}건을 파트너 센터로 보내는 것을 멈췄습니다. 양쪽이 일치하도록 파트너 센터에서 직접 수정하세요.',
    'sync.give-up.nothing': '{customer}에 대해 파트너 센터로 보낼 변경이 없습니다.',
    'sync.give-up.not-partner-center':
      '{customer}은(는) 파트너 센터에서 온 리퍼럴이 아니므로 동기화할 것이 없습니다.',
    'sync.off': '파트너 센터 동기화가 꺼져 있습니다. 서비스에 파트너 센터 설정이 없습니다.',
  },
});
