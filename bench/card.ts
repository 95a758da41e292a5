// `card`: building the referral card, which every click answers with and every post and redraw sends, against
// serialising the same card (what sending it costs anyway). Over referrals in every state the history holds, each
// with its history and the team's people (so Assign is on), in English and in Korean.
import { performance } from 'node:perf_hooks';
import { referralCard } from '../cards/referral-card';
import { DANA, LEE } from '../test/support/teams-client';
import type { Section } from './context';
import { historical } from './history';
import { compare, ms } from './report';
import { median } from './support';

const REFERRALS = 200;
const ROUNDS = 5;
const GOAL_MS = 1;
const ASSIGNEES = [DANA, LEE].map((person) => ({ id: person.aadObjectId, name: person.name }));

/** Milliseconds per call of `work` on each item, the median of ROUNDS passes over all of them. */
function perItem<T>(items: readonly T[], work: (item: T) => unknown): number {
  const passes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const startedAt = performance.now();
    for (const item of items) work(item);
    passes.push((performance.now() - startedAt) / items.length);
  }
  return median(passes);
}

export const cardSection: Section = {
  name: 'card',
  title: `building the referral card (median of ${ROUNDS} passes over ${REFERRALS} referrals) vs serialising it`,
  async run() {
    const now = new Date();
    const cases = Array.from({ length: REFERRALS }, (_, i) => {
      const { referral, events } = historical(i, now);
      const view = { locale: i % 2 === 0 ? ('en' as const) : ('ko' as const), timeZone: 'Asia/Seoul', now };
      return { view, referral, extras: { history: events, assignees: ASSIGNEES } };
    });
    // Warm-up: the first calls compile the code.
    perItem(cases, ({ view, referral, extras }) => referralCard(view, referral, extras));
    const build = perItem(cases, ({ view, referral, extras }) => referralCard(view, referral, extras));
    const cards = cases.map(({ view, referral, extras }) => referralCard(view, referral, extras));
    const serialise = perItem(cards, (card) => JSON.stringify(card));
    return {
      rows: [
        compare('referral card built', ms(build), ms(serialise), {
          on: 'subject',
          atMost: GOAL_MS,
          unit: 'ms',
        }),
      ],
      notes: [
        `floor: JSON.stringify of the same cards; goal: under ${GOAL_MS} ms a card`,
        `cards: ${REFERRALS} referrals (New, Active, Won, Lost, Declined, Expired) with their history, en and ko`,
      ],
    };
  },
};
