import type { Referral } from '../core/referral';
import type { ReferralCardExtras } from './card-views';
import { fieldElement } from './form-template';
import { adviceElements } from './referral-advice';
import { referralCardModel, type ReferralCardModel } from './referral-card-model';
import type { FormModel } from './referral-forms';
import { EARLIER_HISTORY_ID } from './referral-history';
import { makeCardTextInert } from './inert-text';
import { CARD_VERSION, when, type CardElement, type CardJson } from './render';
import type { ViewContext } from './view-context';

/**
 * The card of one referral, in every state: what people read in the channel and act on. Built by functions, not
 * expanded from a template: every click and every post draws it, and templating cost ~3 ms a card.
 */
export function referralCard(view: ViewContext, referral: Referral, extras?: ReferralCardExtras): CardJson {
  const model = referralCardModel(view, referral, extras);
  // Every text the card shows made inert, as renderCard does for the cards built from templates.
  return makeCardTextInert({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    msteams: { width: 'Full' },
    body: [
      ...header(model),
      ...adviceElements(model),
      // In the body, like the contacts' buttons: Teams' five top-level actions are the forms'.
      ...when(model.pipelineActions.length > 0, {
        type: 'ActionSet',
        spacing: 'small',
        actions: model.pipelineActions,
      }),
      ...when(model.facts.length > 0, { type: 'FactSet', facts: model.facts.map(fact) }),
      // Under the contacts: a row of mailto:/tel: buttons per person, in the body (not the five top-level actions).
      ...model.contactLinks.map(({ actions }) => ({ type: 'ActionSet', spacing: 'small', actions })),
      ...details(model),
      ...history(model),
      ...when(model.hasInlineForm, {
        type: 'Container',
        separator: true,
        items: model.inlineForm
          ? [
              { type: 'TextBlock', text: model.inlineForm.title, weight: 'bolder', size: 'medium' },
              { type: 'Container', items: formBody(model.inlineForm) },
              { type: 'ActionSet', actions: [model.inlineForm.submit, model.cancelAction] },
            ]
          : [],
      }),
      ...when(model.hasSync, {
        type: 'TextBlock',
        text: model.sync,
        size: 'small',
        isSubtle: true,
        wrap: true,
      }),
    ],
    actions: [
      ...model.forms.map((form) => ({
        type: 'Action.ShowCard',
        title: form.title,
        card: { type: 'AdaptiveCard', body: formBody(form), actions: [form.submit] },
      })),
      ...model.refreshActions,
    ],
  });
}

const fact = ({ title, value }: { title: string; value: string }) => ({ title, value });

const textLines = (lines: { text: string }[], style: CardElement) =>
  lines.map(({ text }) => ({ type: 'TextBlock', text, ...style }));

/** The flame, a notice, the customer with the badge, and the clocks. */
function header(model: ReferralCardModel): CardElement[] {
  const { flame, notice } = model;
  return [
    ...when(flame.show, {
      type: 'Container',
      style: flame.style,
      bleed: true,
      items: [
        {
          type: 'TextBlock',
          text: `${flame.icon} ${flame.title}`,
          weight: 'bolder',
          size: 'medium',
          wrap: true,
        },
        { type: 'TextBlock', text: flame.text, wrap: true, spacing: 'small' },
      ],
    }),
    ...when(notice.show, {
      type: 'Container',
      style: notice.style,
      items: [{ type: 'TextBlock', text: notice.text, wrap: true, weight: 'bolder' }],
    }),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            { type: 'TextBlock', text: model.customer, size: 'large', weight: 'bolder', wrap: true },
            { type: 'TextBlock', text: model.title, isSubtle: true, wrap: true, spacing: 'none' },
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          verticalContentAlignment: 'center',
          items: [{ type: 'TextBlock', text: model.status, weight: 'bolder', color: model.statusColor }],
        },
      ],
    },
    { type: 'TextBlock', text: model.meta, size: 'small', isSubtle: true, wrap: true, spacing: 'small' },
    ...when(model.hasDeadlines, {
      type: 'TextBlock',
      text: model.deadlines,
      size: 'small',
      weight: model.isOverdue ? 'bolder' : 'default',
      color: model.isOverdue ? 'attention' : 'default',
      wrap: true,
      spacing: 'none',
    }),
    ...when(model.hasOwners, { type: 'TextBlock', text: model.ownersLine, size: 'small', wrap: true }),
  ];
}

/** What the customer needs, the engagement, the outcome and, for a won deal, the way to register it. */
function details(model: ReferralCardModel): CardElement[] {
  return [
    ...when(model.hasNeeds, {
      type: 'Container',
      items: [
        { type: 'TextBlock', text: model.needsTitle, weight: 'bolder', size: 'small' },
        { type: 'TextBlock', text: model.needs, wrap: true, spacing: 'small' },
      ],
    }),
    ...when(model.hasEngagement, {
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: model.engagementTitle, weight: 'bolder', size: 'small' },
        { type: 'FactSet', facts: model.engagement.map(fact) },
      ],
    }),
    ...when(model.hasOutcome, {
      type: 'Container',
      separator: true,
      items: textLines(model.outcome, { wrap: true, spacing: 'small' }),
    }),
    // A won deal's registration is made in Partner Center: the button opens its referrals workspace.
    ...when(model.hasRegisterLink, {
      type: 'ActionSet',
      actions: [{ type: 'Action.OpenUrl', title: model.registerTitle, url: model.registerUrl }],
    }),
  ];
}

const HISTORY_LINE = { size: 'small', isSubtle: true, wrap: true, spacing: 'none' };

function history(model: ReferralCardModel): CardElement[] {
  return when(model.hasHistory, {
    type: 'Container',
    items: [
      { type: 'TextBlock', text: model.historyTitle, weight: 'bolder', size: 'small' },
      ...textLines(model.recentHistory, HISTORY_LINE),
      // The toggle is in the body: it does not count against Teams' five actions, which the forms fill.
      ...when(model.hasEarlierHistory, { type: 'ActionSet', actions: [model.fullHistory] }),
      ...when(model.hasEarlierHistory, {
        type: 'Container',
        id: EARLIER_HISTORY_ID,
        isVisible: false,
        spacing: 'none',
        items: [
          ...textLines(model.earlierHistory, HISTORY_LINE),
          ...when(model.hasHistoryOmitted, {
            type: 'TextBlock',
            text: model.historyOmitted,
            ...HISTORY_LINE,
          }),
        ],
      }),
    ],
  });
}

/** A form's warning, hint, errors and fields: in its ShowCard, or open in the body when sent back invalid. */
function formBody(form: FormModel): CardElement[] {
  return [
    ...when(form.hasWarning, { type: 'TextBlock', text: `⚠️ ${form.warning}`, color: 'warning', wrap: true }),
    ...when(form.hasHint, { type: 'TextBlock', text: form.hint, isSubtle: true, size: 'small', wrap: true }),
    ...textLines(form.topErrors, { color: 'attention', wrap: true }),
    ...form.fields.map(fieldElement),
  ];
}
