import { defineMessages } from '../define-messages';

/** The Partner Center integration's health: the admins' alerts and the `status` command's card. */
export const integrationMessages = defineMessages({
  en: {
    'incident.sign-in.opened.title': 'Partner Center sign-in is failing',
    'incident.sign-in.opened.text':
      'Since {when} Referral Desk cannot sign in to Partner Center: decisions wait unsent, and referrals that only Partner Center has are not polled. A Referrals admin must sign in again and set a new PARTNER_CENTER_REFRESH_TOKEN. What Partner Center said: {detail}',
    'incident.sign-in.recovered.title': 'Partner Center sign-in works again',
    'incident.sign-in.recovered.text':
      'Signed in again at {when}. Waiting decisions are being written back to Partner Center.',
    'incident.webhooks-silent.opened.title': 'Partner Center’s webhooks are not arriving',
    'incident.webhooks-silent.opened.text':
      'Since {when} referrals reach Referral Desk only by polling (up to 10 minutes late): {detail}. Partner Center keeps one webhook registration per account, and another tool (a CRM connector) may have taken it. Check it, or register this service’s events URL again.',
    'incident.webhooks-silent.recovered.title': 'Partner Center’s webhooks arrive again',
    'incident.webhooks-silent.recovered.text': 'A webhook arrived at {when}.',
    'status.title': 'Partner Center integration',
    'status.on': 'On',
    'status.off': 'Off: the service has no Partner Center settings.',
    'status.state': 'State',
    'status.lastSignIn': 'Last sign-in',
    'status.lastWebhook': 'Last webhook',
    'status.lastPoll': 'Last poll',
    'status.backlog': 'Waiting to be written back',
    'status.incident': 'Open incident',
    'status.never': 'never',
    'status.none': 'none',
  },
  ko: {
    'incident.sign-in.opened.title': '파트너 센터 로그인이 실패하고 있습니다',
    'incident.sign-in.opened.text':
      '{when}부터 Referral Desk가 파트너 센터에 로그인하지 못합니다. 결정이 전송되지 않고 대기 중이며, 파트너 센터에만 있는 리퍼럴을 가져오지 못합니다. 리퍼럴 관리자가 다시 로그인하여 새 PARTNER_CENTER_REFRESH_TOKEN을 설정해야 합니다. 파트너 센터의 응답: {detail}',
    'incident.sign-in.recovered.title': '파트너 센터 로그인이 다시 됩니다',
    'incident.sign-in.recovered.text':
      '{when}에 다시 로그인했습니다. 대기 중인 결정을 파트너 센터에 기록하고 있습니다.',
    'incident.webhooks-silent.opened.title': '파트너 센터 웹후크가 도착하지 않습니다',
    'incident.webhooks-silent.opened.text':
      '{when}부터 리퍼럴이 폴링으로만 들어옵니다(최대 10분 지연): {detail}. 파트너 센터는 계정마다 웹후크 등록을 하나만 두며, 다른 도구(CRM 커넥터)가 가져갔을 수 있습니다. 등록을 확인하거나 이 서비스의 이벤트 URL을 다시 등록하세요.',
    'incident.webhooks-silent.recovered.title': '파트너 센터 웹후크가 다시 도착합니다',
    'incident.webhooks-silent.recovered.text': '{when}에 웹후크가 도착했습니다.',
    'status.title': '파트너 센터 연동',
    'status.on': '켜짐',
    'status.off': '꺼짐: 서비스에 파트너 센터 설정이 없습니다.',
    'status.state': '상태',
    'status.lastSignIn': '마지막 로그인',
    'status.lastWebhook': '마지막 웹후크',
    'status.lastPoll': '마지막 폴링',
    'status.backlog': '기록 대기 중',
    'status.incident': '진행 중인 문제',
    'status.never': '없음',
    'status.none': '없음',
  },
});
