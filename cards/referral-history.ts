import type { ReferralEvent } from '../core/events';
import { t } from '../i18n/catalogue';
import { formatDateTime } from '../i18n/format';
import type { ViewContext } from './view-context';

/** How many changes every card shows; the rest are one click away. */
const RECENT_CHANGES = 3;
// A referral's history is a handful of events, but Partner Center can update one many times: past this many
// lines the oldest are only counted, so the card stays far under Teams' message size.
const MAX_HISTORY_LINES = 50;

/** The id of the part of the history the "Full history" button shows and hides. */
export const EARLIER_HISTORY_ID = 'history-earlier';

/** One line of the history: what happened, who did it, when. */
export function historyLine(view: ViewContext, event: ReferralEvent): string {
  const when = formatDateTime(view.locale, view.timeZone, event.at);
  if (event.type === 'received' && event.firstSeenAs) {
    const { firstSeenAs: state } = event;
    const status =
      state.status === 'Closed'
        ? t(view.locale, `substatus.${state.substatus}`)
        : t(view.locale, `status.${state.status}`);
    return t(view.locale, 'history.receivedAs', { when, state: status });
  }
  return t(view.locale, `history.${event.type}`, { by: event.actor.name, when });
}

/**
 * The history on every card, newest first: the last three changes always, the earlier ones behind a toggle in
 * the body (Teams shows five top-level actions, and the referral card's forms already take them).
 */
export function historyModel(view: ViewContext, events: readonly ReferralEvent[] = []) {
  const { locale } = view;
  const newestFirst = [...events].reverse();
  const shown = newestFirst.slice(0, MAX_HISTORY_LINES);
  const lines = (list: ReferralEvent[]) => list.map((event) => ({ text: historyLine(view, event) }));
  const earlier = lines(shown.slice(RECENT_CHANGES));
  const omitted = events.length - shown.length;
  return {
    historyTitle: t(locale, 'card.history'),
    hasHistory: events.length > 0,
    recentHistory: lines(shown.slice(0, RECENT_CHANGES)),
    earlierHistory: earlier,
    hasEarlierHistory: earlier.length > 0,
    fullHistory: {
      type: 'Action.ToggleVisibility',
      title: t(locale, 'card.fullHistory', { n: events.length }),
      targetElements: [EARLIER_HISTORY_ID],
    },
    historyOmitted: omitted > 0 ? t(locale, 'card.historyOmitted', { n: omitted }) : '',
    hasHistoryOmitted: omitted > 0,
  };
}
