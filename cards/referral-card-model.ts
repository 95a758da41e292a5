import type { ReferralEvent } from '../core/events';
import { allowedCommands } from '../core/guards';
import type { Referral } from '../core/referral';
import { isFlameHot, isOverdue } from '../core/timers';
import { t, type Locale } from '../i18n/catalogue';
import { formatAgo, formatDate, formatDateTime, formatMoney, formatTimeLeft } from '../i18n/format';
import type { ReferralCardExtras, ReferralNotice } from './card-views';
import { formModel, type FormModel } from './referral-forms';
import type { ViewContext } from './view-context';

const FORM_VERBS = ['accept', 'decline', 'won', 'lost', 'edit', 'add-contact'] as const;
const STATUS_COLOR: Record<string, string> = {
  New: 'accent',
  Active: 'good',
  Won: 'good',
  Lost: 'warning',
  Declined: 'default',
  Expired: 'attention',
};

export interface Fact {
  title: string;
  value: string;
}

/** Everything the referral card shows, already in the viewer's language and time zone. */
export function referralCardModel(view: ViewContext, referral: Referral, extras: ReferralCardExtras = {}) {
  const { locale, timeZone, now } = view;
  const date = (at: Date) => formatDate(locale, timeZone, at);
  const isNew = referral.status === 'New';
  const allowed = new Set<string>(allowedCommands(referral));
  const label = referral.status === 'Closed' ? referral.substatus : referral.status;
  const inlineForm = extras.form ? formModel(view, referral, extras.form.verb, extras.form) : undefined;
  const forms: FormModel[] = inlineForm
    ? []
    : FORM_VERBS.filter((verb) => allowed.has(verb)).map((verb) => formModel(view, referral, verb));
  const mentions = (extras.owners ?? []).map((o) => ({ id: o.id, name: o.name, text: `<at>${o.name}</at>` }));
  return {
    referralId: referral.id,
    flame: flameModel(locale, referral, now),
    notice: noticeModel(view, extras.notice),
    customer: referral.customer.name,
    title: referral.name,
    status: t(locale, `substatus.${label === 'New' ? 'Pending' : label === 'Active' ? 'Accepted' : label}`),
    statusColor: STATUS_COLOR[label] ?? 'default',
    meta: isNew
      ? [
          t(locale, 'card.received', { when: formatAgo(locale, referral.receivedAt, now) }),
          t(
            isOverdue(referral, now) ? locale : locale,
            isOverdue(referral, now) ? 'card.respondOverdue' : 'card.respondBy',
            {
              left: formatTimeLeft(locale, referral.respondByAt, now),
            },
          ),
          t(locale, 'card.expires', { left: formatTimeLeft(locale, referral.expiresAt, now) }),
        ].join(' · ')
      : t(locale, 'card.receivedOn', { date: date(referral.receivedAt) }),
    isOverdue: isOverdue(referral, now),
    facts: customerFacts(view, referral),
    needs: referral.details.notes ?? '',
    hasNeeds: Boolean(referral.details.notes),
    engagement: engagementFacts(view, referral),
    hasEngagement: referral.engagement !== undefined,
    engagementTitle: t(locale, 'card.engagement'),
    needsTitle: t(locale, 'card.needs'),
    outcome: outcomeText(view, referral),
    hasOutcome: referral.closure !== undefined,
    history: (extras.history ?? []).map((event) => ({ text: historyLine(view, event) })),
    hasHistory: (extras.history ?? []).length > 0,
    historyTitle: t(locale, 'card.history'),
    owners: mentions.map((m) => m.text).join(', '),
    ownersLine: t(locale, 'card.owners', { owners: mentions.map((m) => m.text).join(', ') }),
    hasOwners: mentions.length > 0,
    mentions,
    sync: extras.sync ? t(locale, `card.sync.${extras.sync}`) : '',
    hasSync: extras.sync !== undefined,
    forms,
    inlineForm: inlineForm ?? formModel(view, referral, 'none'),
    hasInlineForm: inlineForm !== undefined,
    cancelTitle: t(locale, 'form.cancel'),
    refreshTitle: t(locale, 'card.refresh'),
  };
}

function flameModel(locale: Locale, referral: Referral, now: Date) {
  const asked = referral.customerRequestedContact && referral.status === 'New';
  const hot = asked && isFlameHot(referral, now);
  return {
    show: asked,
    icon: hot ? '🔥' : '⏰',
    title: t(locale, hot ? 'flame.hot.title' : 'flame.late.title'),
    text: t(locale, hot ? 'flame.hot.text' : 'flame.late.text', {
      ago: formatAgo(locale, referral.receivedAt, now),
    }),
    style: hot ? 'attention' : 'warning',
  };
}

function noticeModel(view: ViewContext, notice?: ReferralNotice) {
  const { locale, timeZone } = view;
  if (!notice) return { show: false, text: '', color: 'default', style: 'default' };
  if (notice.kind === 'success') {
    const warnings = notice.warnings.map((w) => t(locale, `warning.${w}`));
    return {
      show: true,
      text: [t(locale, `notice.${notice.verb}`), ...warnings].join(' '),
      color: warnings.length > 0 ? 'warning' : 'good',
      style: warnings.length > 0 ? 'warning' : 'good',
    };
  }
  const { current } = notice.conflict;
  const state = t(locale, `substatus.${current.substatus}`);
  const text = current.by
    ? t(locale, 'notice.conflictBy', {
        state,
        by: current.by.name,
        when: current.at ? formatDateTime(locale, timeZone, current.at) : '',
      })
    : t(locale, 'notice.conflict', { state });
  return { show: true, text, color: 'warning', style: 'warning' };
}

function customerFacts(view: ViewContext, referral: Referral): Fact[] {
  const { locale } = view;
  const { customer, details } = referral;
  const req = details.requirements;
  const address = customer.address;
  const facts: [string, string | undefined][] = [
    ['fact.size', customer.size ? t(locale, `size.${customer.size}`) : undefined],
    ['fact.location', [address?.city, address?.state, address?.country].filter(Boolean).join(', ')],
    ['fact.solutions', req.solutions.map((s) => s.name).join(', ')],
    ['fact.products', req.products.join(', ')],
    ['fact.services', req.services.join(', ')],
    ['fact.industries', req.industries.join(', ')],
    ['fact.dealValue', details.dealValue ? formatMoney(locale, details.dealValue) : undefined],
    ['fact.closing', details.closingAt ? formatDate(locale, view.timeZone, details.closingAt) : undefined],
    [
      'fact.contact',
      referral.consent.contact
        ? customer.contacts
            .map((c) =>
              [`${c.firstName ?? ''} ${c.lastName ?? ''}`.trim(), c.email, c.phoneNumber]
                .filter(Boolean)
                .join(' · '),
            )
            .join('\n')
        : undefined,
    ],
  ];
  return facts.filter(([, v]) => v).map(([key, value]) => ({ title: t(locale, key), value: value! }));
}

function engagementFacts(view: ViewContext, referral: Referral): Fact[] {
  const { locale, timeZone } = view;
  const e = referral.engagement;
  if (!e) return [];
  const purchase = e.purchase.date
    ? formatDate(locale, timeZone, e.purchase.date)
    : e.purchase.timeframe
      ? t(locale, `timeframe.${e.purchase.timeframe}`)
      : undefined;
  const facts: [string, string | undefined][] = [
    ['field.engagementName', e.name],
    ['field.value', formatMoney(locale, e.value)],
    ['fact.purchase', purchase],
    ['field.crmId', e.crmId],
    ['field.notes', e.notes],
    [
      'fact.acceptedBy',
      referral.response
        ? `${referral.response.by.name} · ${formatDateTime(locale, timeZone, referral.response.at)}`
        : undefined,
    ],
    [
      'fact.team',
      referral.team
        .map((c) =>
          [`${c.firstName ?? ''} ${c.lastName ?? ''}`.trim(), c.email, c.phoneNumber]
            .filter(Boolean)
            .join(' · '),
        )
        .join('\n'),
    ],
  ];
  return facts.filter(([, v]) => v).map(([key, value]) => ({ title: t(locale, key), value: value! }));
}

function outcomeText(view: ViewContext, referral: Referral): string {
  const c = referral.closure;
  if (!c) return '';
  const { locale, timeZone } = view;
  const parts = [
    t(locale, `outcome.${c.substatus}`, { by: c.by.name, when: formatDateTime(locale, timeZone, c.at) }),
    c.reason ? t(locale, 'outcome.reason', { reason: t(locale, `reason.${c.reason}`) }) : '',
    c.notes ?? '',
    c.dealRegistration
      ? t(locale, 'outcome.deal', {
          value: formatMoney(locale, c.dealRegistration.value),
          date: formatDate(locale, timeZone, c.dealRegistration.closedOn),
        })
      : '',
  ];
  return parts.filter(Boolean).join('\n\n');
}

function historyLine(view: ViewContext, event: ReferralEvent): string {
  const when = formatDateTime(view.locale, view.timeZone, event.at);
  return t(view.locale, `history.${event.type}`, { by: event.actor.name, when });
}
