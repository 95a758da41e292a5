import { defineMessages } from '../define-messages';

/**
 * The service's own pages (`/`, `/privacy`, `/terms`), which the Teams app manifest links to. Plain defaults; a
 * deployment gives its own texts in SITE_PAGES_DIR. Each text is paragraphs separated by blank lines.
 */
export const siteMessages = defineMessages({
  en: {
    'site.home.title': 'Referral Desk',
    'site.home.text':
      'Referral Desk is a Microsoft Teams app that helps a Microsoft partner’s sales team answer Partner Center referrals on time.\n\nEach new referral is posted as a card in the Teams channel of the team that owns it. Its members accept or decline it there, record the engagement and its outcome, and every decision is written back to Partner Center.\n\nIt is run by {publisher}. Questions: {contact}.',
    'site.privacy.title': 'Privacy',
    'site.privacy.text':
      'Referral Desk keeps what a referral carries (the customer’s organisation, contact people and what they asked for) and what the team records about it (decisions, engagement, notes, owners), in the store of the partner who runs it. Nothing is sold or shared with anyone else.\n\nIt shows a referral only to the members of the Teams team it was routed to; customer contact details disappear once a referral is declined or has expired. Decisions are sent back to Microsoft Partner Center, where the referral came from. Teams delivers the messages; the app reads a team’s member list from Teams only to decide who may see and act on its referrals.\n\nIt is run by {publisher}. To ask what is kept about you, or to have it removed: {contact}.',
    'site.terms.title': 'Terms of use',
    'site.terms.text':
      'Referral Desk is provided by {publisher} to its own sales team, as it is, for working on referrals from Microsoft’s partner referral programme. Use it for that work only, and keep what it shows within the team.\n\nPartner Center’s own terms apply to the referrals and to what is written back. Questions: {contact}.',
    'site.nav.home': 'About',
    'site.nav.privacy': 'Privacy',
    'site.nav.terms': 'Terms of use',
    'site.contactUnset': 'the administrator of your Teams organisation',
    'site.publisherUnset': 'the partner organisation that installed it',
  },
  ko: {
    'site.home.title': 'Referral Desk',
    'site.home.text':
      'Referral Desk는 마이크로소프트 파트너의 영업팀이 Partner Center 리퍼럴에 제때 응답하도록 돕는 Microsoft Teams 앱입니다.\n\n새 리퍼럴은 담당 팀의 Teams 채널에 카드로 올라옵니다. 팀원은 그곳에서 수락하거나 거절하고, 영업 기회와 결과를 기록하며, 모든 결정은 Partner Center에 다시 기록됩니다.\n\n운영: {publisher}. 문의: {contact}.',
    'site.privacy.title': '개인정보 처리',
    'site.privacy.text':
      'Referral Desk는 리퍼럴에 담긴 정보(고객 조직, 담당자, 요청 내용)와 팀이 기록한 정보(결정, 영업 기회, 메모, 담당자)를 앱을 운영하는 파트너의 저장소에 보관합니다. 누구에게도 판매하거나 공유하지 않습니다.\n\n리퍼럴은 그것이 배정된 Teams 팀의 구성원에게만 보이며, 거절되거나 만료된 리퍼럴에서는 고객 연락처가 사라집니다. 결정은 리퍼럴의 출처인 Microsoft Partner Center로 전송됩니다. 메시지는 Teams가 전달하며, 누가 리퍼럴을 보고 처리할 수 있는지 정하기 위해서만 Teams에서 팀 구성원 목록을 읽습니다.\n\n운영: {publisher}. 보관된 내 정보를 확인하거나 삭제하려면: {contact}.',
    'site.terms.title': '이용 약관',
    'site.terms.text':
      'Referral Desk는 {publisher}가 자사 영업팀이 마이크로소프트 파트너 리퍼럴 프로그램의 리퍼럴을 처리하도록 있는 그대로 제공합니다. 그 업무에만 사용하고, 앱에 표시되는 내용은 팀 안에서만 다루세요.\n\n리퍼럴과 다시 기록되는 정보에는 Partner Center의 약관이 적용됩니다. 문의: {contact}.',
    'site.nav.home': '소개',
    'site.nav.privacy': '개인정보 처리',
    'site.nav.terms': '이용 약관',
    'site.contactUnset': 'Teams 조직의 관리자',
    'site.publisherUnset': '앱을 설치한 파트너 조직',
  },
});
