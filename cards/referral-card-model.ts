import { isDealRegistrationNext, PARTNER_CENTER_REFERRALS_URL } from '../core/eligibility';
import { allowedCommands } from '../core/guards';
import type { Referral } from '../core/referral';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import { clocksStartAt, isFlameHot, isOverdue } from '../core/timers';
import { codeMessage, t, type Locale } from '../i18n/catalogue';
import { formatAgo, formatDate, formatDateTime, formatTimeLeft } from '../i18n/format';
import type { ReferralCardExtras, ReferralNotice } from './card-views';
import { contactLinks } from './customer-contacts';
import { customerFacts, engagementFacts, outcomeLines } from './referral-facts';
import { pipelineActions } from './pipeline-link';
import { historyModel } from './referral-history';
import { adviceModel } from './referral-advice';
import { executeAction, TRANSITION_VERBS } from './card-actions';
import { formModel, type FormModel } from './referral-forms';
import type { ViewContext } from './view-context';

/** Teams renders no more than this many top-level actions (the Adaptive Cards host config's `maxActions`). */
const MAX_CARD_ACTIONS = 5;

const BADGE_COLOR: Record<string, string> = {
  New: 'accent',
  Active: 'good',
  Won: 'good',
  Lost: 'warning',
  Declined: 'default',
  Expired: 'attention',
};

/** Everything the referral card shows, already in the viewer's language and time zone. */
export function referralCardModel(view: ViewContext, referral: Referral, extras: ReferralCardExtras = {}) {
  const { locale } = view;
  const outcome = outcomeLines(view, referral);
  const engagement = engagementFacts(view, referral);
  const forms = formsModel(view, referral, extras);
  return {
    referralId: referral.id,
    flame: flameModel(locale, referral, view.now),
    notice: noticeModel(view, extras.notice),
    ...headerModel(view, referral),
    ...ownerModel(locale, referral),
    ...adviceModel(locale, referral, extras.fitHint),
    facts: customerFacts(view, referral),
    contactLinks: contactLinks(locale, referral),
    pipelineActions: pipelineActions(t(locale, 'card.openInPipeline'), referral.id, extras.pipeline),
    needsTitle: t(locale, 'card.needs'),
    needs: referral.details.notes ?? '',
    hasNeeds: Boolean(referral.details.notes),
    engagementTitle: t(locale, 'card.engagement'),
    engagement,
    hasEngagement: engagement.length > 0,
    outcome: outcome.map((text) => ({ text })),
    hasOutcome: outcome.length > 0,
    hasRegisterLink: isDealRegistrationNext(referral),
    registerTitle: t(locale, 'outcome.openPartnerCenter'),
    registerUrl: PARTNER_CENTER_REFERRALS_URL,
    ...historyModel(view, extras.history),
    ...forms,
    cancelAction: executeAction('refresh', t(locale, 'form.cancel'), { referralId: referral.id }),
    // Teams shows at most five actions on a card: the forms come first, Refresh only when there is room.
    refreshActions:
      forms.forms.length < MAX_CARD_ACTIONS
        ? [executeAction('refresh', t(locale, 'card.refresh'), { referralId: referral.id })]
        : [],
    sync: extras.sync ? t(locale, `card.sync.${extras.sync}`) : '',
    hasSync: extras.sync !== undefined,
  };
}

export type ReferralCardModel = ReturnType<typeof referralCardModel>;

/** Customer, badge, and the clocks that matter while the referral waits for an answer. */
function headerModel(view: ViewContext, referral: Referral) {
  const { locale, timeZone, now } = view;
  const isNew = referral.status === 'New';
  const badge = referral.status === 'Closed' ? referral.substatus : referral.status;
  const overdue = isOverdue(referral, now);
  const deadlines = [
    t(locale, overdue ? 'card.respondOverdue' : 'card.respondBy', {
      left: formatTimeLeft(locale, referral.respondByAt, now),
    }),
    t(locale, 'card.expires', { left: formatTimeLeft(locale, referral.expiresAt, now) }),
  ];
  return {
    customer: referral.customer.name,
    title: referral.name,
    status: t(
      locale,
      referral.status === 'Closed' ? `substatus.${referral.substatus}` : `status.${referral.status}`,
    ),
    statusColor: BADGE_COLOR[badge] ?? 'default',
    // The id, small beside when it came, is what `show <id>` takes: people read it off the card.
    meta: [
      // Partner Center's clocks run from its own creation time, which a late webhook or a poll can be far from.
      ...(referral.source === PARTNER_CENTER_SOURCE
        ? [
            t(locale, 'card.createdInPartnerCenter', {
              when: formatDateTime(locale, timeZone, referral.createdAt),
            }),
          ]
        : []),
      isNew
        ? t(locale, 'card.received', { when: formatAgo(locale, referral.receivedAt, now) })
        : t(locale, 'card.receivedOn', { date: formatDate(locale, timeZone, referral.receivedAt) }),
      t(locale, 'card.id', { id: referral.id }),
    ].join(' · '),
    deadlines: isNew ? deadlines.join(' · ') : '',
    hasDeadlines: isNew,
    isOverdue: overdue,
  };
}

/**
 * A customer who asked to be called is the hottest lead there is: for 72 h the card says "call now"; after that
 * it says how long ago they asked, with a different icon so the change is seen at a glance. Whether anyone has
 * called is not something the desk can know, so no text says so.
 */
function flameModel(locale: Locale, referral: Referral, now: Date) {
  const asked = referral.customerRequestedContact && referral.status === 'New';
  const hot = asked && isFlameHot(referral, now);
  const ago = formatAgo(locale, clocksStartAt(referral, referral.receivedAt), now);
  return {
    show: asked,
    icon: hot ? '🔥' : '⏰',
    title: t(locale, hot ? 'flame.hot.title' : 'flame.late.title', { ago }),
    text: t(locale, hot ? 'flame.hot.text' : 'flame.late.text', { ago }),
    style: hot ? 'attention' : 'warning',
  };
}

function noticeModel(view: ViewContext, notice?: ReferralNotice) {
  const { locale, timeZone } = view;
  if (!notice) return { show: false, text: '', style: 'default' };
  if (notice.kind === 'success') {
    const warnings = notice.warnings.map((w) => codeMessage(locale, 'warning', w));
    const text = [t(locale, `notice.${notice.verb}`), ...warnings].join(' ');
    return { show: true, text, style: warnings.length > 0 ? 'warning' : 'good' };
  }
  const { substatus, by, at } = notice.conflict.current;
  const when = at ? formatDateTime(locale, timeZone, at) : '';
  // Only a New referral is Pending or Received; asking the substatus leaves the ones with a conflict message.
  const text =
    substatus === 'Pending' || substatus === 'Received'
      ? t(locale, 'conflict.notAccepted')
      : by && at
        ? t(locale, `conflict.${substatus}`, { by: by.name, when })
        : t(locale, 'conflict.state', { state: t(locale, `substatus.${substatus}`) });
  return { show: true, text, style: 'warning' };
}

/** Who answers for the referral, on every card (the notices in its thread @mention them). */
function ownerModel(locale: Locale, referral: Referral) {
  return {
    ownersLine: referral.owner ? t(locale, 'card.owner', { owner: referral.owner.name }) : '',
    hasOwners: referral.owner !== undefined,
  };
}

/**
 * The forms the state allows. A form sent back invalid is drawn open in the body (a ShowCard cannot start
 * expanded), and its button leaves the actions so no input id appears twice on the card.
 */
function formsModel(view: ViewContext, referral: Referral, extras: ReferralCardExtras) {
  const submitted = extras.form;
  const assignees = extras.assignees ?? [];
  const allowed = new Set<string>(allowedCommands(referral));
  // Without the team's members there is nobody to choose from, so no Assign.
  if (assignees.length === 0) allowed.delete('assign');
  const inline =
    submitted && allowed.has(submitted.verb)
      ? formModel(view, referral, submitted.verb, submitted, assignees)
      : undefined;
  // The forms' buttons appear in the order of the core's commands: accept, decline, won, lost, edit, add contact.
  const forms: FormModel[] = TRANSITION_VERBS.filter(
    (verb) => allowed.has(verb) && verb !== inline?.verb,
  ).map((verb) => formModel(view, referral, verb, undefined, assignees));
  return { forms, inlineForm: inline, hasInlineForm: inline !== undefined };
}
