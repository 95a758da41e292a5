import type { Referral } from '../core/referral';
import type { ReferralCardExtras } from './card-views';
import { FIELDS_TEMPLATE } from './form-template';
import { ADVICE_TEMPLATE } from './referral-advice';
import { referralCardModel } from './referral-card-model';
import { EARLIER_HISTORY_ID } from './referral-history';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const FORM_BODY = [
  { type: 'TextBlock', $when: '${hasWarning}', text: '⚠️ ${warning}', color: 'warning', wrap: true },
  { type: 'TextBlock', $when: '${hasHint}', text: '${hint}', isSubtle: true, size: 'small', wrap: true },
  { type: 'TextBlock', $data: '${topErrors}', text: '${text}', color: 'attention', wrap: true },
  FIELDS_TEMPLATE,
];

const HISTORY_LINE = {
  type: 'TextBlock',
  text: '${text}',
  size: 'small',
  isSubtle: true,
  wrap: true,
  spacing: 'none',
};

const TEMPLATE = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: CARD_VERSION,
  msteams: { width: 'Full' },
  body: [
    {
      type: 'Container',
      $when: '${flame.show}',
      style: '${flame.style}',
      bleed: true,
      items: [
        {
          type: 'TextBlock',
          text: '${flame.icon} ${flame.title}',
          weight: 'bolder',
          size: 'medium',
          wrap: true,
        },
        { type: 'TextBlock', text: '${flame.text}', wrap: true, spacing: 'small' },
      ],
    },
    {
      type: 'Container',
      $when: '${notice.show}',
      style: '${notice.style}',
      items: [{ type: 'TextBlock', text: '${notice.text}', wrap: true, weight: 'bolder' }],
    },
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            { type: 'TextBlock', text: '${customer}', size: 'large', weight: 'bolder', wrap: true },
            { type: 'TextBlock', text: '${title}', isSubtle: true, wrap: true, spacing: 'none' },
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          verticalContentAlignment: 'center',
          items: [{ type: 'TextBlock', text: '${status}', weight: 'bolder', color: '${statusColor}' }],
        },
      ],
    },
    { type: 'TextBlock', text: '${meta}', size: 'small', isSubtle: true, wrap: true, spacing: 'small' },
    {
      type: 'TextBlock',
      $when: '${hasDeadlines}',
      text: '${deadlines}',
      size: 'small',
      weight: "${if(isOverdue, 'bolder', 'default')}",
      color: "${if(isOverdue, 'attention', 'default')}",
      wrap: true,
      spacing: 'none',
    },
    { type: 'TextBlock', $when: '${hasOwners}', text: '${ownersLine}', size: 'small', wrap: true },
    ...ADVICE_TEMPLATE,
    // In the body, like the contacts' buttons: Teams' five top-level actions are the forms'.
    {
      type: 'ActionSet',
      $when: '${count(pipelineActions) > 0}',
      spacing: 'small',
      actions: '${pipelineActions}',
    },
    {
      type: 'FactSet',
      $when: '${count(facts) > 0}',
      facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }],
    },
    // Under the contacts: a row of mailto:/tel: buttons per person, in the body (not the five top-level actions).
    { type: 'ActionSet', $data: '${contactLinks}', spacing: 'small', actions: '${actions}' },
    {
      type: 'Container',
      $when: '${hasNeeds}',
      items: [
        { type: 'TextBlock', text: '${needsTitle}', weight: 'bolder', size: 'small' },
        { type: 'TextBlock', text: '${needs}', wrap: true, spacing: 'small' },
      ],
    },
    {
      type: 'Container',
      $when: '${hasEngagement}',
      separator: true,
      items: [
        { type: 'TextBlock', text: '${engagementTitle}', weight: 'bolder', size: 'small' },
        { type: 'FactSet', facts: [{ $data: '${engagement}', title: '${title}', value: '${value}' }] },
      ],
    },
    {
      type: 'Container',
      $when: '${hasOutcome}',
      separator: true,
      items: [{ type: 'TextBlock', $data: '${outcome}', text: '${text}', wrap: true, spacing: 'small' }],
    },
    // A won deal's registration is made in Partner Center: the button opens its referrals workspace.
    {
      type: 'ActionSet',
      $when: '${hasRegisterLink}',
      actions: [{ type: 'Action.OpenUrl', title: '${registerTitle}', url: '${registerUrl}' }],
    },
    {
      type: 'Container',
      $when: '${hasHistory}',
      items: [
        { type: 'TextBlock', text: '${historyTitle}', weight: 'bolder', size: 'small' },
        { ...HISTORY_LINE, $data: '${recentHistory}' },
        // The toggle is in the body: it does not count against Teams' five actions, which the forms fill.
        { type: 'ActionSet', $when: '${hasEarlierHistory}', actions: ['${fullHistory}'] },
        {
          type: 'Container',
          $when: '${hasEarlierHistory}',
          id: EARLIER_HISTORY_ID,
          isVisible: false,
          spacing: 'none',
          items: [
            { ...HISTORY_LINE, $data: '${earlierHistory}' },
            { ...HISTORY_LINE, $when: '${hasHistoryOmitted}', text: '${historyOmitted}' },
          ],
        },
      ],
    },
    {
      type: 'Container',
      $when: '${hasInlineForm}',
      separator: true,
      items: [
        { type: 'TextBlock', text: '${inlineForm.title}', weight: 'bolder', size: 'medium' },
        { type: 'Container', $data: '${inlineForm}', items: FORM_BODY },
        { type: 'ActionSet', actions: ['${inlineForm.submit}', '${cancelAction}'] },
      ],
    },
    { type: 'TextBlock', $when: '${hasSync}', text: '${sync}', size: 'small', isSubtle: true, wrap: true },
  ],
  actions: [
    {
      $data: '${forms}',
      type: 'Action.ShowCard',
      title: '${title}',
      card: {
        type: 'AdaptiveCard',
        body: FORM_BODY,
        actions: ['${submit}'],
      },
    },
    '${refreshActions}',
  ],
};

/** The card of one referral, in every state: what people read in the channel and act on. */
export function referralCard(view: ViewContext, referral: Referral, extras?: ReferralCardExtras): CardJson {
  return renderCard(TEMPLATE, referralCardModel(view, referral, extras));
}
