import {
  comparePipeline,
  defaultSort,
  flameOf,
  matchesFilter,
  pipelinePage,
  pipelineStateOf,
  type PipelineEntry,
} from '../../core/pipeline';
import { summaryOf } from '../../core/referral-summary';
import type { Referral } from '../../core/referral';
import { activeReferral, closedReferral, daysAfter, hoursAfter, newReferral, RECEIVED_AT } from './fixtures';

const NOW = hoursAfter(RECEIVED_AT, 2);
const at = (referral: Referral, id: string, place = { channelId: 'c1', teamId: 't1' }): PipelineEntry => ({
  ...summaryOf({ ...referral, id }),
  id,
  place,
});

describe('the pipeline', () => {
  const entries = [
    at(newReferral({ customer: { ...newReferral().customer, name: 'Busan Biotech' } }), 'b1'),
    at(activeReferral(), 'a1', { channelId: 'c2', teamId: 't1' }),
    at(closedReferral('Won'), 'w1'),
    at(closedReferral('Lost'), 'l1'),
    at(closedReferral('Declined'), 'd1'),
    at(closedReferral('Expired'), 'e1'),
  ];

  it('names each state as the tab does', () => {
    expect(entries.map(pipelineStateOf)).toEqual(['inbox', 'active', 'won', 'lost', 'declined', 'expired']);
  });

  it('counts every state over the other filters and pages what the state keeps', () => {
    const page = pipelinePage(entries, { state: 'inbox' }, 'due', 1, 25, NOW);
    expect(page.counts).toEqual({ inbox: 1, active: 1, won: 1, lost: 1, declined: 1, expired: 1 });
    expect(page.total).toBe(1);
    expect(page.items.map((e) => e.id)).toEqual(['b1']);
    const channel = pipelinePage(entries, { channelId: 'c2' }, 'due', 1, 25, NOW);
    expect(channel.counts).toEqual({ inbox: 0, active: 1, won: 0, lost: 0, declined: 0, expired: 0 });
  });

  it('searches every word in customer, id, solutions and notes, case-insensitively', () => {
    const find = (q: string) =>
      entries.filter((e) => matchesFilter(e, { words: q.toLowerCase().split(' ') }, NOW)).map((e) => e.id);
    expect(find('BUSAN')).toEqual(['b1']);
    expect(find('busan supply')).toEqual(['b1']);
    expect(find('w1')).toEqual(['w1']);
    expect(find('nothing-like-this')).toEqual([]);
  });

  it('filters by owner, size, country, value range, age and flame', () => {
    const keep = (filter: Parameters<typeof matchesFilter>[1], now = NOW) =>
      entries.filter((e) => matchesFilter(e, filter, now)).map((e) => e.id);
    // Accepting makes one the owner; declining does not.
    expect(keep({ owner: { kind: 'person', id: 'aad-dana' } })).toEqual(['a1', 'w1', 'l1']);
    expect(keep({ owner: { kind: 'none' } })).toEqual(['b1', 'd1', 'e1']);
    expect(keep({ sizes: ['51to250employees'] })).toHaveLength(6);
    expect(keep({ sizes: ['1to9employees'] })).toEqual([]);
    expect(keep({ country: 'US' })).toHaveLength(6);
    // The accept form's estimate is 30,000 USD.
    expect(keep({ minValue: 30000, maxValue: 30000 })).toEqual(['a1', 'w1', 'l1']);
    expect(keep({ minValue: 30001 })).toEqual([]);
    expect(keep({ receivedSince: daysAfter(RECEIVED_AT, 1) })).toEqual([]);
    expect(keep({ receivedSince: RECEIVED_AT })).toHaveLength(6);
    expect(keep({ flame: true })).toEqual([]);
  });

  it('tells a hot flame from a cooled one', () => {
    const contactMe = summaryOf(newReferral({ customerRequestedContact: true }));
    expect(flameOf(contactMe, NOW)).toBe('hot');
    expect(flameOf(contactMe, daysAfter(RECEIVED_AT, 4))).toBe('cooled');
    expect(flameOf(summaryOf(newReferral()), NOW)).toBeUndefined();
    expect(matchesFilter({ ...contactMe }, { flame: true }, NOW)).toBe(true);
  });

  it('sorts as asked, ties by id, values missing last', () => {
    const order = (sort: Parameters<typeof comparePipeline>[0]) =>
      [...entries].sort(comparePipeline(sort)).map((e) => e.id);
    expect(order('-value').slice(0, 3)).toEqual(['a1', 'l1', 'w1']);
    expect(order('-value').slice(3)).toEqual(['b1', 'd1', 'e1']);
    expect(order('value').slice(0, 3)).toEqual(['a1', 'l1', 'w1']);
    expect(order('customer')[0]).toBe('b1');
    expect(defaultSort('inbox')).toBe('due');
    expect(defaultSort(undefined)).toBe('-received');
  });

  it('pages from 1, and a page past the end is empty', () => {
    const first = pipelinePage(entries, {}, 'received', 1, 4, NOW);
    const second = pipelinePage(entries, {}, 'received', 2, 4, NOW);
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(6);
    expect(pipelinePage(entries, {}, 'received', 3, 4, NOW).items).toEqual([]);
  });
});
