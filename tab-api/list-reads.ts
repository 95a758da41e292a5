import { isTimeZone } from '../core/digest-schedule';
import type { FieldError } from '../core/result';
import { localeFrom, type Locale } from '../i18n/catalogue';
import type { Clock } from '../platform/clock';
import type { People } from '../services/people';
import type { ReferralDirectory } from '../services/referral-directory';
import { personalScope } from '../services/visibility';
import type { Conversation, Conversations } from '../storage/conversations';
import type { TabViewer } from './auth';
import { createListCache, type Selection } from './list-cache';
import { parseListQuery, type ListQuery } from './list-query';
import { rowOf, shownOf, shownRangeOf, type Presentation } from './views';

export interface ListReadsDeps {
  directory: Pick<ReferralDirectory, 'inScope' | 'generation'>;
  people: People;
  conversations: Pick<Conversations, 'listChannels'>;
  /** Times and language of texts when the tab does not say (`lang`, `tz`). */
  display: { timeZone: string; locale: Locale };
  clock: Clock;
}

/** A request's parameters, checked: what to send, or the fields that are not right (a 400). */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * What the tab's lists are read from, for the API's list, CSV and insights and for the first page the tab's page
 * carries (first-page.ts): one list cache, so the page and the API's next call share a selection.
 */
export interface ListReads {
  query(params: URLSearchParams, viewer: TabViewer): Checked<ListQuery>;
  presentation(params: URLSearchParams): Checked<Presentation>;
  /** What `query` keeps of what `viewer` sees, sorted, with the counts per state. */
  selection(viewer: TabViewer, query: ListQuery, now: Date): Promise<Selection>;
  /** Channel and team names by id, from the conversations the bot is in (a small collection). */
  placeNames(): Promise<PlaceNames>;
  /** `GET /api/tab/referrals`'s answer for `params` (docs/tab-api.md, "Reads"). */
  page(viewer: TabViewer, params: URLSearchParams): Promise<Checked<ReferralPage>>;
}

export interface PlaceNames {
  channels: Conversation[];
  channelName(id: string): string | undefined;
  teamName(id: string): string | undefined;
}

export type ReferralPage = Awaited<ReturnType<typeof pageOf>>;

export function createListReads(deps: ListReadsDeps): ListReads {
  const lists = createListCache(deps.directory);

  const reads: ListReads = {
    query(params, viewer) {
      const parsed = parseListQuery(params, viewer.aadObjectId, deps.clock());
      return parsed.ok ? { ok: true, value: parsed.query } : parsed;
    },
    presentation(params) {
      const tz = params.get('tz');
      if (tz && !isTimeZone(tz))
        return {
          ok: false,
          errors: [
            {
              field: 'tz',
              code: 'not-a-time-zone',
              message: 'tz must be an IANA time zone such as Asia/Seoul.',
            },
          ],
        };
      const lang = params.get('lang');
      return {
        ok: true,
        value: {
          locale: lang ? localeFrom(lang, deps.display.locale) : deps.display.locale,
          timeZone: tz || deps.display.timeZone,
        },
      };
    },
    async selection(viewer, query, now) {
      return lists.select(await personalScope(viewer, deps.people), query.filter, query.sort, now);
    },
    async placeNames() {
      const channels = await deps.conversations.listChannels();
      const channelNames = new Map(channels.map((c) => [c.channelId ?? c.id, c.channelName]));
      const teamNames = new Map(channels.filter((c) => c.teamId).map((c) => [c.teamId!, c.teamName]));
      return {
        channels,
        channelName: (id) => channelNames.get(id),
        teamName: (id) => teamNames.get(id),
      };
    },
    async page(viewer, params) {
      const query = reads.query(params, viewer);
      if (!query.ok) return query;
      const presentation = reads.presentation(params);
      if (!presentation.ok) return presentation;
      return { ok: true, value: await pageOf(reads, viewer, query.value, presentation.value, deps.clock()) };
    },
  };
  return reads;
}

async function pageOf(
  reads: Pick<ListReads, 'selection' | 'placeNames'>,
  viewer: TabViewer,
  query: ListQuery,
  presentation: Presentation,
  now: Date,
) {
  const [{ counts, kept }, names] = await Promise.all([
    reads.selection(viewer, query, now),
    reads.placeNames(),
  ]);
  const start = (query.page - 1) * query.pageSize;
  const onPage = kept.slice(start, start + query.pageSize);
  return {
    counts,
    total: kept.length,
    page: query.page,
    pageSize: query.pageSize,
    items: onPage.map((entry) => ({
      ...rowOf(entry, now, names.channelName),
      shown: shownOf(entry, presentation),
    })),
    shown: shownRangeOf(start, onPage.length, kept.length, presentation),
  };
}
