import type { ClosedSubstatus } from '../core/referral';
import { ARGUMENT_WORDS, everyWord } from '../i18n/command-words';

const OUTCOMES: Record<keyof typeof ARGUMENT_WORDS.archived, ClosedSubstatus> = {
  won: 'Won',
  lost: 'Lost',
  declined: 'Declined',
  expired: 'Expired',
};

/**
 * What people type after `archived`, in English or Korean (i18n/command-words.json), and the outcome it asks for.
 * The bot hands `archived` the English word, but a list card's paging buttons carry the word the list was made
 * with, Korean on cards from before. No prototype, so `archived constructor` asks for nothing.
 */
export const CLOSED_WORDS: Record<string, ClosedSubstatus> = Object.assign(
  Object.create(null) as Record<string, ClosedSubstatus>,
  Object.fromEntries(
    Object.entries(OUTCOMES).flatMap(([argument, outcome]) =>
      everyWord(ARGUMENT_WORDS.archived[argument as keyof typeof OUTCOMES]).map((word) => [word, outcome]),
    ),
  ),
);
