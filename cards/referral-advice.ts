import { coSellOf } from '../core/co-sell';
import type { FitHint } from '../core/fit-hint';
import type { CustomerSize, Referral } from '../core/referral';
import { t, type Locale } from '../i18n/catalogue';
import { formatCustomerSize } from '../i18n/format';
import { when, type CardElement } from './render';

/**
 * The referral card's advice: who invited us onto a co-sell referral (and their message, shown as written), and
 * on a New referral the fit hint from the team's own history. Kept apart from the rest of the card's model.
 */
export function adviceElements({ coSell, fit }: ReturnType<typeof adviceModel>): CardElement[] {
  return [
    ...when(coSell.show, {
      type: 'Container',
      style: 'accent',
      items: [
        { type: 'TextBlock', text: `🤝 ${coSell.title}`, weight: 'bolder', wrap: true },
        ...(coSell.notes === ''
          ? []
          : [
              {
                type: 'TextBlock',
                text: coSell.notesTitle,
                size: 'small',
                isSubtle: true,
                wrap: true,
                spacing: 'small',
              },
              { type: 'TextBlock', text: coSell.notes, wrap: true, spacing: 'none' },
            ]),
      ],
    }),
    ...when(fit.show, {
      type: 'Container',
      items: [
        { type: 'TextBlock', text: fit.title, weight: 'bolder', size: 'small' },
        { type: 'TextBlock', text: fit.text, wrap: true, spacing: 'small' },
      ],
    }),
  ];
}

export function adviceModel(locale: Locale, referral: Referral, fitHint: FitHint | undefined) {
  const coSell = coSellOf(referral);
  const invitedBy = coSell?.invitedBy;
  const showFit = referral.status === 'New' && fitHint !== undefined;
  return {
    coSell: {
      show: coSell !== undefined,
      title: !invitedBy
        ? ''
        : invitedBy.kind === 'microsoft'
          ? t(locale, 'coSell.byMicrosoft')
          : invitedBy.name
            ? t(locale, 'coSell.byPartner', { name: invitedBy.name })
            : t(locale, 'coSell.byPartnerUnnamed'),
      notesTitle: t(locale, 'coSell.notes'),
      notes: coSell?.notes ?? '',
    },
    fit: {
      show: showFit,
      title: t(locale, 'fit.title'),
      text: showFit ? fitHintText(locale, fitHint) : '',
    },
  };
}

/** "You accepted 6 of 7 “Azure migration” referrals and won 3 · most declines: … Looks like a good fit." */
export function fitHintText(locale: Locale, hint: FitHint): string {
  // A size hint's value is the referral's own size bucket (core/fit-hint.ts).
  const subject = t(locale, `fit.subject.${hint.feature}`, {
    value: hint.feature === 'size' ? formatCustomerSize(locale, hint.value as CustomerSize) : hint.value,
  });
  const counts = { subject, accepted: hint.accepted, decided: hint.decided, won: hint.won, lost: hint.lost };
  const evidence =
    hint.lost > 0
      ? t(locale, 'fit.acceptedWonLost', counts)
      : hint.won > 0
        ? t(locale, 'fit.acceptedAndWon', counts)
        : t(locale, 'fit.accepted', counts);
  const why = hint.topDeclineReason
    ? ` · ${t(locale, 'fit.declinedMostly', { reason: t(locale, `reason.${hint.topDeclineReason}`) })}`
    : '';
  return `${evidence}${why}. ${t(locale, `fit.verdict.${hint.verdict}`)}`;
}
